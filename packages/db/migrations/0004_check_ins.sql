CREATE TABLE `check_in_meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`check_in_id` text NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`verification` text,
	FOREIGN KEY (`check_in_id`) REFERENCES `check_ins`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `check_in_meetings_check_in_idx` ON `check_in_meetings` (`check_in_id`);--> statement-breakpoint
CREATE TABLE `check_ins` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`house_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`kind` text NOT NULL,
	`for_date` text NOT NULL,
	`recorded_at` integer NOT NULL,
	`late` integer DEFAULT false NOT NULL,
	`corrects_id` text,
	`correction_reason` text,
	`mood` integer,
	`craving` integer,
	`halt` text,
	`sleep_hours` real,
	`sponsor_contact` integer,
	`work_or_school` integer,
	`note` text,
	`latitude` real,
	`longitude` real,
	`location_accuracy` real,
	`recorded_by` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`corrects_id`) REFERENCES `check_ins`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `check_ins_house_date_idx` ON `check_ins` (`house_id`,`for_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `check_ins_one_per_day_uq` ON `check_ins` (`resident_id`,`kind`,`for_date`) WHERE corrects_id is null;--> statement-breakpoint
CREATE INDEX `check_ins_resident_date_idx` ON `check_ins` (`resident_id`,`for_date`);--> statement-breakpoint
CREATE INDEX `check_ins_corrects_idx` ON `check_ins` (`corrects_id`) WHERE corrects_id is not null;--> statement-breakpoint
CREATE TABLE `drug_tests` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`house_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`confirms_id` text,
	`draw_id` text,
	`type` text NOT NULL,
	`method` text NOT NULL,
	`panel` text NOT NULL,
	`result` text NOT NULL,
	`positive_for` text NOT NULL,
	`lab` text,
	`witness` text,
	`notes` text,
	`collected_at` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	`recorded_by` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirms_id`) REFERENCES `drug_tests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`draw_id`) REFERENCES `random_draws`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `drug_tests_resident_idx` ON `drug_tests` (`resident_id`,`collected_at`);--> statement-breakpoint
CREATE INDEX `drug_tests_house_idx` ON `drug_tests` (`house_id`,`collected_at`);--> statement-breakpoint
CREATE INDEX `drug_tests_confirms_idx` ON `drug_tests` (`confirms_id`) WHERE confirms_id is not null;--> statement-breakpoint
CREATE TABLE `random_draws` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`house_id` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` integer NOT NULL,
	`count` integer,
	`percent` integer,
	`reason` text,
	`eligible` text NOT NULL,
	`drawn` text NOT NULL,
	`seed` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `random_draws_house_idx` ON `random_draws` (`house_id`,`requested_at`);--> statement-breakpoint
CREATE TABLE `recovery_capital_surveys` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`house_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`answers` text NOT NULL,
	`total` integer NOT NULL,
	`for_date` text NOT NULL,
	`submitted_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recovery_capital_resident_idx` ON `recovery_capital_surveys` (`resident_id`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `sign_outs` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`house_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`destination` text NOT NULL,
	`signed_out_at` integer NOT NULL,
	`expected_return_at` integer NOT NULL,
	`signed_in_at` integer,
	`signed_in_recorded_by` text,
	`created_by` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_in_recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sign_outs_house_open_idx` ON `sign_outs` (`house_id`,`expected_return_at`) WHERE signed_in_at is null;--> statement-breakpoint
CREATE INDEX `sign_outs_resident_idx` ON `sign_outs` (`resident_id`,`signed_out_at`);--> statement-breakpoint
ALTER TABLE `houses` ADD `daily_check_in_by` text DEFAULT '21:00' NOT NULL;--> statement-breakpoint
ALTER TABLE `houses` ADD `curfew_window_before` integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE `houses` ADD `curfew_grace` integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE `residents` ADD `share_location` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `phases` ADD `curfew_check_in` integer DEFAULT true NOT NULL;--> statement-breakpoint
-- Accountability records are kept as they were made: a check-in is corrected by a
-- new entry, a test result by a lab confirmation, and a draw is never redone.
-- A sign-out only ever gets its return recorded, once.
CREATE TRIGGER check_ins_fixed BEFORE UPDATE ON check_ins
BEGIN
  SELECT RAISE(ABORT, 'check-ins never change: a correction is a new entry');
END;
--> statement-breakpoint
CREATE TRIGGER check_ins_no_delete BEFORE DELETE ON check_ins
BEGIN
  SELECT RAISE(ABORT, 'check-ins are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER check_in_meetings_fixed BEFORE UPDATE ON check_in_meetings
BEGIN
  SELECT RAISE(ABORT, 'reported meetings never change');
END;
--> statement-breakpoint
CREATE TRIGGER check_in_meetings_no_delete BEFORE DELETE ON check_in_meetings
BEGIN
  SELECT RAISE(ABORT, 'reported meetings are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER drug_tests_fixed BEFORE UPDATE ON drug_tests
BEGIN
  SELECT RAISE(ABORT, 'test results never change: a lab confirmation is a new entry');
END;
--> statement-breakpoint
CREATE TRIGGER drug_tests_no_delete BEFORE DELETE ON drug_tests
BEGIN
  SELECT RAISE(ABORT, 'test results are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER random_draws_fixed BEFORE UPDATE ON random_draws
BEGIN
  SELECT RAISE(ABORT, 'random draws never change');
END;
--> statement-breakpoint
CREATE TRIGGER random_draws_no_delete BEFORE DELETE ON random_draws
BEGIN
  SELECT RAISE(ABORT, 'random draws are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER recovery_capital_surveys_fixed BEFORE UPDATE ON recovery_capital_surveys
BEGIN
  SELECT RAISE(ABORT, 'surveys never change');
END;
--> statement-breakpoint
CREATE TRIGGER recovery_capital_surveys_no_delete BEFORE DELETE ON recovery_capital_surveys
BEGIN
  SELECT RAISE(ABORT, 'surveys are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER sign_outs_return_once BEFORE UPDATE ON sign_outs
WHEN OLD.signed_in_at IS NOT NULL
  OR NEW.id IS NOT OLD.id OR NEW.resident_id IS NOT OLD.resident_id
  OR NEW.house_id IS NOT OLD.house_id OR NEW.destination IS NOT OLD.destination
  OR NEW.signed_out_at IS NOT OLD.signed_out_at
  OR NEW.expected_return_at IS NOT OLD.expected_return_at
BEGIN
  SELECT RAISE(ABORT, 'a sign-out only gets its return recorded, once');
END;
--> statement-breakpoint
CREATE TRIGGER sign_outs_no_delete BEFORE DELETE ON sign_outs
BEGIN
  SELECT RAISE(ABORT, 'sign-outs are never deleted');
END;
