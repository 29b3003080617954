CREATE INDEX `audit_log_org_id_idx` ON `audit_log` (`organisation_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_org_action_idx` ON `audit_log` (`organisation_id`,`action`,`id`);