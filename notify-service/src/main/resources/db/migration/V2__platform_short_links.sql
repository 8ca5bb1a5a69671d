-- A platform's short-link forms (ARCHITECTURE "Platform short links"): pattern is matched against the path of a
-- canonicalised URL on host, and canonical, with {1}..{9} taking its groups, is the long form of the same content.
CREATE TABLE platform_short_link (
    platform_id VARCHAR(64) NOT NULL REFERENCES platform (id) ON DELETE CASCADE,
    position    INT NOT NULL,
    host        VARCHAR(253) NOT NULL,
    pattern     VARCHAR(200) NOT NULL,
    canonical   VARCHAR(2000) NOT NULL,
    PRIMARY KEY (platform_id, position)
);
