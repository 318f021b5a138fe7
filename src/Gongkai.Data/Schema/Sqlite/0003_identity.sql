-- Gongkai schema 3 (SQLite): staff accounts and roles (ASP.NET Core Identity), the Data Protection key ring
-- shared by every instance, and each agency's 政府信息公开指南 (Art. 12).
-- Generated from the EF model with GenerateCreateScript(), then reviewed; see docs/adr/0004.

CREATE TABLE "data_protection_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "friendly_name" TEXT NULL,
    "xml" TEXT NOT NULL
);

CREATE TABLE "staff_roles" (
    "id" TEXT NOT NULL CONSTRAINT "pk_staff_roles" PRIMARY KEY,
    "name" TEXT NULL,
    "normalized_name" TEXT NULL,
    "concurrency_stamp" TEXT NULL
);

CREATE TABLE "agency_guides" (
    "agency_id" INTEGER NOT NULL CONSTRAINT "pk_agency_guides" PRIMARY KEY,
    "classification" TEXT NULL,
    "how_to_obtain" TEXT NULL,
    "office_name" TEXT NOT NULL,
    "address" TEXT NULL,
    "office_hours" TEXT NULL,
    "phone" TEXT NULL,
    "fax" TEXT NULL,
    "online_channel" TEXT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_agency_guides_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE CASCADE
);

CREATE TABLE "staff_role_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_staff_role_claims" PRIMARY KEY AUTOINCREMENT,
    "role_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_staff_role_claims_role_id" FOREIGN KEY ("role_id") REFERENCES "staff_roles" ("id") ON DELETE CASCADE
);

CREATE TABLE "staff_users" (
    "id" TEXT NOT NULL CONSTRAINT "pk_staff_users" PRIMARY KEY,
    "display_name" TEXT NOT NULL,
    "agency_id" INTEGER NULL,
    "department_id" INTEGER NULL,
    "disabled" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL,
    CONSTRAINT "fk_staff_users_agency_id" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_staff_users_department_id" FOREIGN KEY ("department_id") REFERENCES "departments" ("id") ON DELETE SET NULL
);

CREATE TABLE "staff_user_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_staff_user_claims" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_staff_user_claims_user_id" FOREIGN KEY ("user_id") REFERENCES "staff_users" ("id") ON DELETE CASCADE
);

CREATE TABLE "staff_user_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_staff_user_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "fk_staff_user_logins_user_id" FOREIGN KEY ("user_id") REFERENCES "staff_users" ("id") ON DELETE CASCADE
);

CREATE TABLE "staff_user_roles" (
    "user_id" TEXT NOT NULL,
    "role_id" TEXT NOT NULL,
    CONSTRAINT "pk_staff_user_roles" PRIMARY KEY ("user_id", "role_id"),
    CONSTRAINT "fk_staff_user_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "staff_roles" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_staff_user_roles_user_id" FOREIGN KEY ("user_id") REFERENCES "staff_users" ("id") ON DELETE CASCADE
);

CREATE TABLE "staff_user_tokens" (
    "user_id" TEXT NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "pk_staff_user_tokens" PRIMARY KEY ("user_id", "login_provider", "name"),
    CONSTRAINT "fk_staff_user_tokens_user_id" FOREIGN KEY ("user_id") REFERENCES "staff_users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_staff_role_claims_role_id" ON "staff_role_claims" ("role_id");

CREATE UNIQUE INDEX "ix_staff_roles_normalized_name" ON "staff_roles" ("normalized_name");

CREATE INDEX "ix_staff_user_claims_user_id" ON "staff_user_claims" ("user_id");

CREATE INDEX "ix_staff_user_logins_user_id" ON "staff_user_logins" ("user_id");

CREATE INDEX "ix_staff_user_roles_role_id" ON "staff_user_roles" ("role_id");

CREATE INDEX "ix_staff_users_agency_id" ON "staff_users" ("agency_id");

CREATE INDEX "ix_staff_users_department_id" ON "staff_users" ("department_id");

CREATE INDEX "ix_staff_users_normalized_email" ON "staff_users" ("normalized_email");

CREATE UNIQUE INDEX "ix_staff_users_normalized_user_name" ON "staff_users" ("normalized_user_name");
