-- Whether a platform has been given an order already (the 12-hour pre-notice before a provider's first order, Art. 3(2))
-- is asked on issuing when the registry does not know of one: without an index it read every order. A plain index (not
-- one partial on the status): the status is a bound parameter, which a generic plan cannot match to a partial index.
CREATE INDEX removal_order_platform ON removal_order (platform_id);
