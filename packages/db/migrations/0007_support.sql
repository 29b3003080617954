CREATE TABLE `check_in_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`check_in_id` text NOT NULL,
	`member_id` text NOT NULL,
	FOREIGN KEY (`check_in_id`) REFERENCES `check_ins`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `support_members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `check_in_contacts_member_idx` ON `check_in_contacts` (`member_id`);--> statement-breakpoint
CREATE INDEX `check_in_contacts_check_in_idx` ON `check_in_contacts` (`check_in_id`);--> statement-breakpoint
CREATE TABLE `mentor_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`mentorship_id` text NOT NULL,
	`date` text NOT NULL,
	`note` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text,
	FOREIGN KEY (`mentorship_id`) REFERENCES `mentorships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mentor_notes_mentorship_idx` ON `mentor_notes` (`mentorship_id`,`date`);--> statement-breakpoint
CREATE TABLE `mentorships` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`house_id` text NOT NULL,
	`mentor_id` text NOT NULL,
	`mentee_id` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`ended_early` integer DEFAULT false NOT NULL,
	`end_reason` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mentor_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mentee_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mentorships_house_idx` ON `mentorships` (`house_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `mentorships_mentor_idx` ON `mentorships` (`mentor_id`);--> statement-breakpoint
CREATE INDEX `mentorships_mentee_idx` ON `mentorships` (`mentee_id`);--> statement-breakpoint
CREATE TABLE `resources` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`house_id` text,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`fellowship` text,
	`weekdays` text NOT NULL,
	`time` text,
	`place` text,
	`online_link` text,
	`phone` text,
	`notes` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`archived_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `resources_org_idx` ON `resources` (`organisation_id`,`house_id`);--> statement-breakpoint
CREATE TABLE `share_views` (
	`id` text PRIMARY KEY NOT NULL,
	`share_id` text NOT NULL,
	`at` integer NOT NULL,
	`ip` text,
	`user_agent` text,
	FOREIGN KEY (`share_id`) REFERENCES `shares`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `share_views_share_idx` ON `share_views` (`share_id`,`at`);--> statement-breakpoint
CREATE TABLE `shares` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`recipient_name` text NOT NULL,
	`recipient_relationship` text NOT NULL,
	`member_id` text,
	`purpose` text NOT NULL,
	`fields` text NOT NULL,
	`until` text NOT NULL,
	`note` text,
	`consent_text` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`revoked_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `support_members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shares_token_uq` ON `shares` (`token_hash`);--> statement-breakpoint
CREATE INDEX `shares_resident_idx` ON `shares` (`resident_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `support_members` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`pillar` text NOT NULL,
	`organisation` text,
	`phone` text,
	`email` text,
	`notes` text,
	`status` text DEFAULT 'active' NOT NULL,
	`suggested_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`suggested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `support_members_resident_idx` ON `support_members` (`resident_id`,`status`);--> statement-breakpoint
CREATE TABLE `volunteering` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`date` text NOT NULL,
	`hours` real NOT NULL,
	`what` text NOT NULL,
	`where` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`removed_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `volunteering_resident_idx` ON `volunteering` (`resident_id`,`date`);--> statement-breakpoint
ALTER TABLE `residents` ADD `share_milestones` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `check_in_meetings` ADD `resource_id` text;--> statement-breakpoint
CREATE TRIGGER support_members_no_delete BEFORE DELETE ON support_members
BEGIN
  SELECT RAISE(ABORT, 'circle members are removed, never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER check_in_contacts_fixed BEFORE UPDATE ON check_in_contacts
BEGIN
  SELECT RAISE(ABORT, 'a check-in''s contacts never change: correct the check-in');
END;
--> statement-breakpoint
CREATE TRIGGER check_in_contacts_no_delete BEFORE DELETE ON check_in_contacts
BEGIN
  SELECT RAISE(ABORT, 'a check-in''s contacts are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER mentorships_no_delete BEFORE DELETE ON mentorships
BEGIN
  SELECT RAISE(ABORT, 'mentorships are ended, never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER mentor_notes_fixed BEFORE UPDATE ON mentor_notes
BEGIN
  SELECT RAISE(ABORT, 'mentor notes never change');
END;
--> statement-breakpoint
CREATE TRIGGER mentor_notes_no_delete BEFORE DELETE ON mentor_notes
BEGIN
  SELECT RAISE(ABORT, 'mentor notes are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER volunteering_no_delete BEFORE DELETE ON volunteering
BEGIN
  SELECT RAISE(ABORT, 'volunteer hours are removed, never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER resources_no_delete BEFORE DELETE ON resources
BEGIN
  SELECT RAISE(ABORT, 'resources are archived, never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER shares_consent_fixed BEFORE UPDATE ON shares
WHEN NEW.fields IS NOT OLD.fields OR NEW.until IS NOT OLD.until OR NEW.purpose IS NOT OLD.purpose
  OR NEW.recipient_name IS NOT OLD.recipient_name OR NEW.consent_text IS NOT OLD.consent_text
  OR NEW.token_hash IS NOT OLD.token_hash OR NEW.resident_id IS NOT OLD.resident_id
  OR (OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS NOT OLD.revoked_at)
BEGIN
  SELECT RAISE(ABORT, 'a consent never changes: revoke it and share again');
END;
--> statement-breakpoint
CREATE TRIGGER shares_no_delete BEFORE DELETE ON shares
BEGIN
  SELECT RAISE(ABORT, 'shares are revoked, never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER share_views_fixed BEFORE UPDATE ON share_views
BEGIN
  SELECT RAISE(ABORT, 'the record of views never changes');
END;
--> statement-breakpoint
CREATE TRIGGER share_views_no_delete BEFORE DELETE ON share_views
BEGIN
  SELECT RAISE(ABORT, 'the record of views is never deleted');
END;
