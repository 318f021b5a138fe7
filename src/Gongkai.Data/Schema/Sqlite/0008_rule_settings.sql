-- Gongkai schema 8 (SQLite): the installation's choice on the points of the statutory clock that legal.md does not
-- settle (how working days are counted, e-mail receipt, fees), one row per rule; a missing row is the default.
CREATE TABLE "rule_settings" (
    "key" TEXT NOT NULL CONSTRAINT "pk_rule_settings" PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);
