ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
CREATE INDEX `audit_log_unsealed_idx` ON `audit_log` (`id`) WHERE "audit_log"."hash" IS NULL;--> statement-breakpoint
-- The audit log becomes a hash chain (src/audit-chain.ts). An entry stays as it
-- was written; the one change the database allows is sealing it: setting its
-- hash once, from empty, with every other column unchanged.
DROP TRIGGER audit_log_no_update;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
  OLD.hash IS NULL AND NEW.hash IS NOT NULL
  AND NEW.id IS OLD.id AND NEW.at IS OLD.at
  AND NEW.organisation_id IS OLD.organisation_id AND NEW.actor_user_id IS OLD.actor_user_id
  AND NEW.action IS OLD.action AND NEW.record_type IS OLD.record_type
  AND NEW.record_id IS OLD.record_id AND NEW.request_id IS OLD.request_id
  AND NEW.ip IS OLD.ip AND NEW.details IS OLD.details
)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
