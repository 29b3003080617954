CREATE TABLE `grievance_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`grievance_id` text NOT NULL,
	`level` text NOT NULL,
	`action` text NOT NULL,
	`decision` text,
	`reason` text,
	`actor_user_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`grievance_id`) REFERENCES `grievances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `grievance_steps_grievance_idx` ON `grievance_steps` (`grievance_id`,`at`);--> statement-breakpoint
CREATE TABLE `grievances` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`house_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`violation_id` text,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`level` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`violation_id`) REFERENCES `violations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `grievances_house_idx` ON `grievances` (`house_id`,`status`);--> statement-breakpoint
CREATE INDEX `grievances_resident_idx` ON `grievances` (`resident_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `passes` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`house_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`type` text NOT NULL,
	`destination` text NOT NULL,
	`depart_at` integer NOT NULL,
	`expected_return_at` integer NOT NULL,
	`contact` text,
	`note` text,
	`status` text NOT NULL,
	`eligibility_notes` text DEFAULT '[]' NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`decision_reason` text,
	`returned_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `passes_house_status_idx` ON `passes` (`house_id`,`status`,`depart_at`);--> statement-breakpoint
CREATE INDEX `passes_resident_idx` ON `passes` (`resident_id`,`depart_at`);--> statement-breakpoint
CREATE TABLE `phases` (
	`id` text PRIMARY KEY NOT NULL,
	`house_id` text NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`curfew_weeknights` text NOT NULL,
	`curfew_weekends` text NOT NULL,
	`overnight_passes_allowed` integer NOT NULL,
	`pass_types_allowed` text NOT NULL,
	`min_days_before_passes` integer DEFAULT 0 NOT NULL,
	`daily_check_in` integer DEFAULT true NOT NULL,
	`meetings_per_week` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`archived_at` integer,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `phases_house_idx` ON `phases` (`house_id`,`position`);--> statement-breakpoint
CREATE TABLE `resident_phases` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`phase_id` text NOT NULL,
	`start_date` text NOT NULL,
	`reason` text,
	`decided_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`phase_id`) REFERENCES `phases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `resident_phases_resident_idx` ON `resident_phases` (`resident_id`,`start_date`);--> statement-breakpoint
CREATE TABLE `rule_acknowledgements` (
	`id` text PRIMARY KEY NOT NULL,
	`resident_id` text NOT NULL,
	`rule_book_version_id` text NOT NULL,
	`typed_name` text NOT NULL,
	`acknowledged_at` integer NOT NULL,
	`user_id` text,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rule_book_version_id`) REFERENCES `rule_book_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rule_acknowledgements_resident_version_uq` ON `rule_acknowledgements` (`resident_id`,`rule_book_version_id`);--> statement-breakpoint
CREATE INDEX `rule_acknowledgements_version_idx` ON `rule_acknowledgements` (`rule_book_version_id`);--> statement-breakpoint
CREATE TABLE `rule_book_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`rule_book_id` text NOT NULL,
	`version` integer NOT NULL,
	`rules` text NOT NULL,
	`change_note` text,
	`adopted_by_motion_id` text,
	`published_at` integer NOT NULL,
	`published_by` text,
	FOREIGN KEY (`rule_book_id`) REFERENCES `rule_books`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rule_book_versions_book_version_uq` ON `rule_book_versions` (`rule_book_id`,`version`);--> statement-breakpoint
CREATE TABLE `rule_books` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`house_id` text,
	`name` text NOT NULL,
	`draft` text,
	`draft_updated_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rule_books_house_uq` ON `rule_books` (`house_id`) WHERE house_id is not null;--> statement-breakpoint
CREATE INDEX `rule_books_org_idx` ON `rule_books` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `violations` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`house_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`rule_book_version_id` text NOT NULL,
	`rule_key` text NOT NULL,
	`category` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`description` text NOT NULL,
	`consequence` text NOT NULL,
	`reported_by` text,
	`resident_response` text,
	`responded_at` integer,
	`voided_at` integer,
	`voided_by` text,
	`void_reason` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rule_book_version_id`) REFERENCES `rule_book_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `violations_house_idx` ON `violations` (`house_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `violations_resident_idx` ON `violations` (`resident_id`,`occurred_at`);