-- Gongkai schema 8 (PostgreSQL): the installation's choice on the points of the statutory clock that legal.md does
-- not settle (how working days are counted, e-mail receipt, fees), one row per rule; a missing row is the default.
CREATE TABLE rule_settings (
    key character varying(64) NOT NULL,
    value character varying(64) NOT NULL,
    updated_by character varying(200) NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_rule_settings PRIMARY KEY (key)
);
