-- Whether a platform has been given an order already (the 12-hour pre-notice before a provider's first order, Art. 3(2))
-- is asked on issuing when the registry does not know of one: without an index it read every order.
CREATE INDEX removal_order_released ON removal_order (platform_id) WHERE status <> 'PENDING_PRE_NOTICE';
