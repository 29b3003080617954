CREATE TABLE `chore_events` (
	`id` text PRIMARY KEY NOT NULL,
	`occurrence_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` text,
	`kind` text NOT NULL,
	`from_resident_id` text,
	`to_resident_id` text,
	`note` text,
	FOREIGN KEY (`occurrence_id`) REFERENCES `chore_occurrences`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `chore_events_occurrence_idx` ON `chore_events` (`occurrence_id`,`at`);--> statement-breakpoint
CREATE TABLE `chore_exclusions` (
	`id` text PRIMARY KEY NOT NULL,
	`chore_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text,
	`ended_at` integer,
	`ended_by` text,
	FOREIGN KEY (`chore_id`) REFERENCES `chores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chore_exclusions_open_uq` ON `chore_exclusions` (`chore_id`,`resident_id`) WHERE ended_at is null;--> statement-breakpoint
CREATE TABLE `chore_occurrences` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`house_id` text NOT NULL,
	`rota_id` text NOT NULL,
	`chore_id` text NOT NULL,
	`date` text NOT NULL,
	`slot` integer DEFAULT 0 NOT NULL,
	`effort` integer NOT NULL,
	`needs_verification` integer NOT NULL,
	`resident_id` text,
	`pinned` integer DEFAULT false NOT NULL,
	`reasons` text NOT NULL,
	`done_at` integer,
	`done_note` text,
	`checked_at` integer,
	`checked_by` text,
	`check_result` text,
	`check_reason` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rota_id`) REFERENCES `chore_rotas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chore_id`) REFERENCES `chores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chore_occurrences_slot_uq` ON `chore_occurrences` (`rota_id`,`chore_id`,`date`,`slot`);--> statement-breakpoint
CREATE INDEX `chore_occurrences_house_date_idx` ON `chore_occurrences` (`house_id`,`date`);--> statement-breakpoint
CREATE INDEX `chore_occurrences_resident_date_idx` ON `chore_occurrences` (`resident_id`,`date`);--> statement-breakpoint
CREATE TABLE `chore_pins` (
	`id` text PRIMARY KEY NOT NULL,
	`chore_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text,
	`ended_at` integer,
	`ended_by` text,
	FOREIGN KEY (`chore_id`) REFERENCES `chores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chore_pins_open_uq` ON `chore_pins` (`chore_id`,`resident_id`) WHERE ended_at is null;--> statement-breakpoint
CREATE TABLE `chore_rotas` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`house_id` text NOT NULL,
	`start_date` text NOT NULL,
	`days` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`shares` text NOT NULL,
	`generated_at` integer NOT NULL,
	`generated_by` text,
	`published_at` integer,
	`published_by` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`generated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chore_rotas_house_start_uq` ON `chore_rotas` (`house_id`,`start_date`);--> statement-breakpoint
CREATE TABLE `chore_swaps` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`house_id` text NOT NULL,
	`occurrence_id` text NOT NULL,
	`requester_id` text NOT NULL,
	`counterpart_id` text NOT NULL,
	`their_occurrence_id` text,
	`note` text,
	`status` text DEFAULT 'requested' NOT NULL,
	`requested_at` integer NOT NULL,
	`answered_at` integer,
	`decided_at` integer,
	`decided_by` text,
	`decision_reason` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`occurrence_id`) REFERENCES `chore_occurrences`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requester_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counterpart_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`their_occurrence_id`) REFERENCES `chore_occurrences`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `chore_swaps_house_status_idx` ON `chore_swaps` (`house_id`,`status`);--> statement-breakpoint
CREATE INDEX `chore_swaps_counterpart_idx` ON `chore_swaps` (`counterpart_id`,`status`);--> statement-breakpoint
CREATE INDEX `chore_swaps_requester_idx` ON `chore_swaps` (`requester_id`,`status`);--> statement-breakpoint
CREATE TABLE `chores` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`house_id` text NOT NULL,
	`name` text NOT NULL,
	`area` text,
	`instructions` text,
	`frequency` text NOT NULL,
	`weekdays` text NOT NULL,
	`effort` integer NOT NULL,
	`needs_verification` integer DEFAULT false NOT NULL,
	`residents_needed` integer DEFAULT 1 NOT NULL,
	`retired_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `chores_house_idx` ON `chores` (`house_id`,`name`);--> statement-breakpoint
CREATE TABLE `calendar_feeds` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_token_uq` ON `calendar_feeds` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_open_uq` ON `calendar_feeds` (`resident_id`) WHERE revoked_at is null;--> statement-breakpoint
ALTER TABLE `houses` ADD `chore_rota_days` integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE `houses` ADD `chore_swaps_need_approval` integer DEFAULT true NOT NULL;--> statement-breakpoint
CREATE TRIGGER chores_no_delete BEFORE DELETE ON chores
BEGIN
  SELECT RAISE(ABORT, 'chores are retired, never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER chore_exclusions_no_delete BEFORE DELETE ON chore_exclusions
BEGIN
  SELECT RAISE(ABORT, 'exclusions are ended, never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER chore_pins_no_delete BEFORE DELETE ON chore_pins
BEGIN
  SELECT RAISE(ABORT, 'pins are ended, never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER chore_rotas_stay_published BEFORE UPDATE ON chore_rotas
WHEN OLD.status = 'published' AND (NEW.status IS NOT 'published'
  OR NEW.start_date IS NOT OLD.start_date OR NEW.days IS NOT OLD.days
  OR NEW.house_id IS NOT OLD.house_id)
BEGIN
  SELECT RAISE(ABORT, 'a published rota keeps its period and stays published');
END;
--> statement-breakpoint
CREATE TRIGGER chore_rotas_published_no_delete BEFORE DELETE ON chore_rotas
WHEN OLD.status = 'published'
BEGIN
  SELECT RAISE(ABORT, 'published rotas are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER chore_occurrences_published_no_delete BEFORE DELETE ON chore_occurrences
WHEN (SELECT status FROM chore_rotas WHERE id = OLD.rota_id) = 'published'
BEGIN
  SELECT RAISE(ABORT, 'occurrences of a published rota are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER chore_occurrences_fixed_fields BEFORE UPDATE ON chore_occurrences
WHEN NEW.id IS NOT OLD.id OR NEW.rota_id IS NOT OLD.rota_id OR NEW.chore_id IS NOT OLD.chore_id
  OR NEW.date IS NOT OLD.date OR NEW.slot IS NOT OLD.slot OR NEW.house_id IS NOT OLD.house_id
  OR NEW.effort IS NOT OLD.effort
BEGIN
  SELECT RAISE(ABORT, 'an occurrence keeps its chore, day and effort');
END;
--> statement-breakpoint
CREATE TRIGGER chore_events_fixed BEFORE UPDATE ON chore_events
BEGIN
  SELECT RAISE(ABORT, 'chore events never change');
END;
--> statement-breakpoint
CREATE TRIGGER chore_events_no_delete BEFORE DELETE ON chore_events
BEGIN
  SELECT RAISE(ABORT, 'chore events are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER chore_swaps_no_delete BEFORE DELETE ON chore_swaps
BEGIN
  SELECT RAISE(ABORT, 'swaps are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER calendar_feeds_no_delete BEFORE DELETE ON calendar_feeds
BEGIN
  SELECT RAISE(ABORT, 'calendar feeds are revoked, never deleted');
END;
