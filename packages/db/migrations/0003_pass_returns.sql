ALTER TABLE `passes` ADD `returned_recorded_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `passes` ADD `late_excused_at` integer;--> statement-breakpoint
ALTER TABLE `passes` ADD `late_excused_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `passes` ADD `late_excuse_reason` text;--> statement-breakpoint
ALTER TABLE `violations` ADD `pass_id` text REFERENCES passes(id);--> statement-breakpoint
CREATE INDEX `violations_pass_idx` ON `violations` (`pass_id`) WHERE pass_id is not null;--> statement-breakpoint
-- Records of rules applied to people are never removed or rewritten: published
-- rule book versions and signatures are fixed, grievance steps are a history,
-- and a wrong violation is voided, not deleted.
CREATE TRIGGER rule_book_versions_fixed BEFORE UPDATE ON rule_book_versions
BEGIN
  SELECT RAISE(ABORT, 'published rule book versions never change');
END;
--> statement-breakpoint
CREATE TRIGGER rule_book_versions_no_delete BEFORE DELETE ON rule_book_versions
BEGIN
  SELECT RAISE(ABORT, 'published rule book versions are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER rule_acknowledgements_fixed BEFORE UPDATE ON rule_acknowledgements
BEGIN
  SELECT RAISE(ABORT, 'signatures never change');
END;
--> statement-breakpoint
CREATE TRIGGER rule_acknowledgements_no_delete BEFORE DELETE ON rule_acknowledgements
BEGIN
  SELECT RAISE(ABORT, 'signatures are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER violations_no_delete BEFORE DELETE ON violations
BEGIN
  SELECT RAISE(ABORT, 'violations are voided, never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER grievance_steps_fixed BEFORE UPDATE ON grievance_steps
BEGIN
  SELECT RAISE(ABORT, 'grievance steps never change');
END;
--> statement-breakpoint
CREATE TRIGGER grievance_steps_no_delete BEFORE DELETE ON grievance_steps
BEGIN
  SELECT RAISE(ABORT, 'grievance steps are never deleted');
END;
