-- Gongkai schema 17 (SQLite): the portal as a government website (issue #14). site_settings: the one row of the
-- footer every public page shows (《政府网站发展指引》: 主办单位, 联系方式, 网站标识码, ICP备案号, 公安机关备案号, the
-- 党政机关网站标识), edited by the administrator. disclosure_rules: each agency's own rules on its disclosure work
-- (政府信息公开制度), a managed list of documents the portal's column shows.
CREATE TABLE "site_settings" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_site_settings" PRIMARY KEY,
    "host_name" TEXT NULL,
    "contact" TEXT NULL,
    "site_code" TEXT NULL,
    "icp_number" TEXT NULL,
    "icp_url" TEXT NULL,
    "police_number" TEXT NULL,
    "police_url" TEXT NULL,
    "party_mark_url" TEXT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "disclosure_rules" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_disclosure_rules" PRIMARY KEY AUTOINCREMENT,
    "agency_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "document_number" TEXT NULL,
    "issued_on" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_disclosure_rules_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_disclosure_rules_agency_id_issued_on" ON "disclosure_rules" ("agency_id", "issued_on");
