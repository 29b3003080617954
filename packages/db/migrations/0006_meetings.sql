CREATE TABLE `action_items` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`house_id` text NOT NULL,
	`meeting_id` text NOT NULL,
	`text` text NOT NULL,
	`owner_resident_id` text,
	`due_date` text,
	`created_at` integer NOT NULL,
	`created_by` text,
	`done_at` integer,
	`done_by` text,
	`done_in_meeting_id` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`done_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_items_open_idx` ON `action_items` (`house_id`,`created_at`) WHERE done_at is null;--> statement-breakpoint
CREATE TABLE `agenda_templates` (
	`house_id` text PRIMARY KEY NOT NULL,
	`items` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meeting_attendance` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`recorded_at` integer NOT NULL,
	`recorded_by` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_attendance_uq` ON `meeting_attendance` (`meeting_id`,`resident_id`);--> statement-breakpoint
CREATE TABLE `meeting_schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`house_id` text NOT NULL,
	`weekday` integer NOT NULL,
	`time` text NOT NULL,
	`title` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text,
	`ended_at` integer,
	`ended_by` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_schedules_open_uq` ON `meeting_schedules` (`house_id`) WHERE ended_at is null;--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`house_id` text NOT NULL,
	`schedule_id` text,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`date` text NOT NULL,
	`time` text NOT NULL,
	`starts_at` integer NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`agenda` text,
	`reports` text,
	`opened_at` integer,
	`opened_by` text,
	`closed_at` integer,
	`closed_by` text,
	`cancelled_at` integer,
	`cancelled_by` text,
	`cancel_reason` text,
	`minutes` text DEFAULT '' NOT NULL,
	`minutes_updated_at` integer,
	`minutes_updated_by` text,
	`minutes_approved_at` integer,
	`minutes_approved_by` text,
	`minutes_approved_in_meeting_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`schedule_id`) REFERENCES `meeting_schedules`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancelled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`minutes_updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`minutes_approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_house_starts_idx` ON `meetings` (`house_id`,`starts_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_schedule_date_uq` ON `meetings` (`schedule_id`,`date`) WHERE schedule_id is not null;--> statement-breakpoint
CREATE TABLE `minutes_amendments` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`text` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `minutes_amendments_meeting_idx` ON `minutes_amendments` (`meeting_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `motions` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`kind` text DEFAULT 'general' NOT NULL,
	`text` text NOT NULL,
	`moved_by` text NOT NULL,
	`seconded_by` text,
	`threshold` text NOT NULL,
	`votes_for` integer NOT NULL,
	`votes_against` integer NOT NULL,
	`votes_abstain` integer NOT NULL,
	`present` integer NOT NULL,
	`members` integer NOT NULL,
	`result` text NOT NULL,
	`note` text,
	`election_office_id` text,
	`elected_resident_id` text,
	`recorded_at` integer NOT NULL,
	`recorded_by` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`moved_by`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`seconded_by`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`elected_resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `motions_meeting_idx` ON `motions` (`meeting_id`,`recorded_at`);--> statement-breakpoint
CREATE TABLE `officer_terms` (
	`id` text PRIMARY KEY NOT NULL,
	`office_id` text NOT NULL,
	`house_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`ended_early` integer DEFAULT false NOT NULL,
	`end_reason` text,
	`motion_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `officer_terms_office_idx` ON `officer_terms` (`office_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `officer_terms_resident_idx` ON `officer_terms` (`resident_id`,`end_date`);--> statement-breakpoint
CREATE TABLE `offices` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`house_id` text NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`powers` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`retired_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offices_house_key_uq` ON `offices` (`house_id`,`key`);--> statement-breakpoint
ALTER TABLE `houses` ADD `officer_term_months` integer DEFAULT 6 NOT NULL;--> statement-breakpoint
ALTER TABLE `houses` ADD `officer_consecutive_allowed` integer DEFAULT false NOT NULL;--> statement-breakpoint
INSERT INTO offices (id, organisation_id, house_id, key, name, description, powers, position)
SELECT lower(hex(randomblob(16))), h.organisation_id, h.id, o.key, o.name, o.description, o.powers, o.position
FROM houses h CROSS JOIN (
  SELECT 'president' AS key, 'President' AS name, 'Chairs the house meeting and keeps the house to its rules and traditions.' AS description, '["chair","agenda","attendance"]' AS powers, 0 AS position
  UNION ALL SELECT 'secretary', 'Secretary', 'Takes the roll, writes the minutes and keeps the house''s records.', '["minutes","attendance","chair"]', 1
  UNION ALL SELECT 'treasurer', 'Treasurer', 'Keeps the house''s accounts and pays its bills.', '[]', 2
  UNION ALL SELECT 'comptroller', 'Comptroller', 'Tracks what each member owes and reports it at every meeting.', '[]', 3
  UNION ALL SELECT 'chore_coordinator', 'Chore coordinator', 'Runs the chore rota and checks that chores are done.', '["chores"]', 4
  UNION ALL SELECT 'hsr', 'House services representative', 'Speaks for the house at the chapter and brings back what is decided.', '[]', 5
) o;
--> statement-breakpoint
CREATE TRIGGER meetings_no_delete BEFORE DELETE ON meetings
BEGIN
  SELECT RAISE(ABORT, 'meetings are cancelled, never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER meetings_minutes_locked BEFORE UPDATE OF minutes ON meetings
WHEN OLD.minutes_approved_at IS NOT NULL AND NEW.minutes IS NOT OLD.minutes
BEGIN
  SELECT RAISE(ABORT, 'approved minutes are locked: add an amendment');
END;
--> statement-breakpoint
CREATE TRIGGER meetings_closed_stay_closed BEFORE UPDATE OF status ON meetings
WHEN OLD.status IN ('closed', 'cancelled') AND NEW.status IS NOT OLD.status
BEGIN
  SELECT RAISE(ABORT, 'a held or cancelled meeting stays so');
END;
--> statement-breakpoint
CREATE TRIGGER meeting_attendance_closed BEFORE UPDATE ON meeting_attendance
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'closed'
BEGIN
  SELECT RAISE(ABORT, 'the roll of a held meeting does not change');
END;
--> statement-breakpoint
CREATE TRIGGER meeting_attendance_closed_insert BEFORE INSERT ON meeting_attendance
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'closed'
BEGIN
  SELECT RAISE(ABORT, 'the roll of a held meeting does not change');
END;
--> statement-breakpoint
CREATE TRIGGER meeting_attendance_no_delete BEFORE DELETE ON meeting_attendance
BEGIN
  SELECT RAISE(ABORT, 'attendance is never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER motions_fixed BEFORE UPDATE ON motions
BEGIN
  SELECT RAISE(ABORT, 'a motion as voted never changes');
END;
--> statement-breakpoint
CREATE TRIGGER motions_no_delete BEFORE DELETE ON motions
BEGIN
  SELECT RAISE(ABORT, 'motions are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER action_items_no_delete BEFORE DELETE ON action_items
BEGIN
  SELECT RAISE(ABORT, 'action items are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER minutes_amendments_fixed BEFORE UPDATE ON minutes_amendments
BEGIN
  SELECT RAISE(ABORT, 'amendments never change');
END;
--> statement-breakpoint
CREATE TRIGGER minutes_amendments_no_delete BEFORE DELETE ON minutes_amendments
BEGIN
  SELECT RAISE(ABORT, 'amendments are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER offices_no_delete BEFORE DELETE ON offices
BEGIN
  SELECT RAISE(ABORT, 'offices are retired, never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER officer_terms_no_delete BEFORE DELETE ON officer_terms
BEGIN
  SELECT RAISE(ABORT, 'officer terms are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER meeting_schedules_no_delete BEFORE DELETE ON meeting_schedules
BEGIN
  SELECT RAISE(ABORT, 'schedules are ended, never deleted');
END;
