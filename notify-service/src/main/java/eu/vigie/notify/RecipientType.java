package eu.vigie.notify;

/**
 * Who a notification is for: a hosting service provider of the registry, or a competent authority
 * of a jurisdiction (the home authority of a cross-border order, or the regulator told of a breach),
 * whose contact point comes from configuration since authorities are not platforms.
 */
public enum RecipientType {
    PLATFORM,
    AUTHORITY
}
