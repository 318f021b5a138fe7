-- Gongkai schema 11 (SQLite): a staff account may have to change its password before using the back office (an
-- account created by an administrator, the first administrator with a generated password, a password reset by an
-- administrator). Roles stay in staff_user_roles (several per user); an agency dimension, when agencies are many,
-- goes on that table.
ALTER TABLE "staff_users" ADD COLUMN "must_change_password" INTEGER NOT NULL DEFAULT 0;
