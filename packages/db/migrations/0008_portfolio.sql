CREATE TABLE `house_day_stats` (
	`house_id` text NOT NULL,
	`date` text NOT NULL,
	`nights` integer NOT NULL,
	`check_ins_required` integer NOT NULL,
	`check_ins_made` integer NOT NULL,
	`check_ins_on_time` integer NOT NULL,
	`chores_assigned` integer NOT NULL,
	`chores_done` integer NOT NULL,
	`chores_verified` integer NOT NULL,
	`chores_missed` integer NOT NULL,
	`violations` integer NOT NULL,
	PRIMARY KEY(`house_id`, `date`),
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `house_stats` (
	`house_id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`dirty_from` text,
	`computed_through` text,
	FOREIGN KEY (`house_id`) REFERENCES `houses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `stays` ADD `expected_end_date` text;--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_user_id`,`action`,`at`);
--> statement-breakpoint
-- The day figures of the operator's overview stay exact: every write that can
-- change a house's figures marks them out of date from the earliest date it can
-- touch (a day early for instants, which is safe in every timezone), and bumps
-- the house's version for the live figures cached in memory.
CREATE TRIGGER house_stats_check_ins AFTER INSERT ON check_ins
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT NEW.house_id WHERE NEW.house_id IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR NEW.for_date < dirty_from THEN NEW.for_date ELSE dirty_from END
  WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_stays_insert AFTER INSERT ON stays
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT NEW.house_id WHERE NEW.house_id IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR NEW.start_date < dirty_from THEN NEW.start_date ELSE dirty_from END
  WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_stays_update AFTER UPDATE ON stays
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT OLD.house_id WHERE OLD.house_id IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR CASE WHEN NEW.start_date IS NOT OLD.start_date OR NEW.house_id IS NOT OLD.house_id
    THEN min(OLD.start_date, NEW.start_date)
    ELSE min(coalesce(OLD.end_date, '9999-12-31'), coalesce(NEW.end_date, '9999-12-31')) END < dirty_from THEN CASE WHEN NEW.start_date IS NOT OLD.start_date OR NEW.house_id IS NOT OLD.house_id
    THEN min(OLD.start_date, NEW.start_date)
    ELSE min(coalesce(OLD.end_date, '9999-12-31'), coalesce(NEW.end_date, '9999-12-31')) END ELSE dirty_from END
  WHERE house_id = OLD.house_id;
  INSERT OR IGNORE INTO house_stats (house_id) SELECT NEW.house_id WHERE NEW.house_id IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR CASE WHEN NEW.start_date IS NOT OLD.start_date OR NEW.house_id IS NOT OLD.house_id
    THEN min(OLD.start_date, NEW.start_date)
    ELSE min(coalesce(OLD.end_date, '9999-12-31'), coalesce(NEW.end_date, '9999-12-31')) END < dirty_from THEN CASE WHEN NEW.start_date IS NOT OLD.start_date OR NEW.house_id IS NOT OLD.house_id
    THEN min(OLD.start_date, NEW.start_date)
    ELSE min(coalesce(OLD.end_date, '9999-12-31'), coalesce(NEW.end_date, '9999-12-31')) END ELSE dirty_from END
  WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_passes_insert AFTER INSERT ON passes
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT NEW.house_id WHERE NEW.house_id IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR date(NEW.depart_at / 1000 - 86400, 'unixepoch') < dirty_from THEN date(NEW.depart_at / 1000 - 86400, 'unixepoch') ELSE dirty_from END
  WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_passes_update AFTER UPDATE ON passes
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT NEW.house_id WHERE NEW.house_id IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR min(date(OLD.depart_at / 1000 - 86400, 'unixepoch'), date(NEW.depart_at / 1000 - 86400, 'unixepoch')) < dirty_from THEN min(date(OLD.depart_at / 1000 - 86400, 'unixepoch'), date(NEW.depart_at / 1000 - 86400, 'unixepoch')) ELSE dirty_from END
  WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_resident_phases_insert AFTER INSERT ON resident_phases
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT (SELECT house_id FROM phases WHERE id = NEW.phase_id) WHERE (SELECT house_id FROM phases WHERE id = NEW.phase_id) IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR NEW.start_date < dirty_from THEN NEW.start_date ELSE dirty_from END
  WHERE house_id = (SELECT house_id FROM phases WHERE id = NEW.phase_id);
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_resident_phases_update AFTER UPDATE ON resident_phases
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT (SELECT house_id FROM phases WHERE id = OLD.phase_id) WHERE (SELECT house_id FROM phases WHERE id = OLD.phase_id) IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR min(OLD.start_date, NEW.start_date) < dirty_from THEN min(OLD.start_date, NEW.start_date) ELSE dirty_from END
  WHERE house_id = (SELECT house_id FROM phases WHERE id = OLD.phase_id);
  INSERT OR IGNORE INTO house_stats (house_id) SELECT (SELECT house_id FROM phases WHERE id = NEW.phase_id) WHERE (SELECT house_id FROM phases WHERE id = NEW.phase_id) IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR min(OLD.start_date, NEW.start_date) < dirty_from THEN min(OLD.start_date, NEW.start_date) ELSE dirty_from END
  WHERE house_id = (SELECT house_id FROM phases WHERE id = NEW.phase_id);
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_resident_phases_delete AFTER DELETE ON resident_phases
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT (SELECT house_id FROM phases WHERE id = OLD.phase_id) WHERE (SELECT house_id FROM phases WHERE id = OLD.phase_id) IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR OLD.start_date < dirty_from THEN OLD.start_date ELSE dirty_from END
  WHERE house_id = (SELECT house_id FROM phases WHERE id = OLD.phase_id);
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_phases_update AFTER UPDATE ON phases
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT NEW.house_id WHERE NEW.house_id IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR '0000-01-01' < dirty_from THEN '0000-01-01' ELSE dirty_from END
  WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_rule_acknowledgements AFTER INSERT ON rule_acknowledgements
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT (SELECT b.house_id FROM rule_book_versions v JOIN rule_books b ON b.id = v.rule_book_id WHERE v.id = NEW.rule_book_version_id) WHERE (SELECT b.house_id FROM rule_book_versions v JOIN rule_books b ON b.id = v.rule_book_id WHERE v.id = NEW.rule_book_version_id) IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR date(NEW.acknowledged_at / 1000 - 86400, 'unixepoch') < dirty_from THEN date(NEW.acknowledged_at / 1000 - 86400, 'unixepoch') ELSE dirty_from END
  WHERE house_id = (SELECT b.house_id FROM rule_book_versions v JOIN rule_books b ON b.id = v.rule_book_id WHERE v.id = NEW.rule_book_version_id);
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_rule_book_versions AFTER INSERT ON rule_book_versions
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT (SELECT house_id FROM rule_books WHERE id = NEW.rule_book_id) WHERE (SELECT house_id FROM rule_books WHERE id = NEW.rule_book_id) IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR '0000-01-01' < dirty_from THEN '0000-01-01' ELSE dirty_from END
  WHERE house_id = (SELECT house_id FROM rule_books WHERE id = NEW.rule_book_id);
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_houses_update AFTER UPDATE ON houses
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT NEW.id WHERE NEW.id IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR '0000-01-01' < dirty_from THEN '0000-01-01' ELSE dirty_from END
  WHERE house_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_chore_occurrences_insert AFTER INSERT ON chore_occurrences
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT NEW.house_id WHERE NEW.house_id IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR NEW.date < dirty_from THEN NEW.date ELSE dirty_from END
  WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_chore_occurrences_update AFTER UPDATE ON chore_occurrences
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT NEW.house_id WHERE NEW.house_id IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR min(OLD.date, NEW.date) < dirty_from THEN min(OLD.date, NEW.date) ELSE dirty_from END
  WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_chore_occurrences_delete AFTER DELETE ON chore_occurrences
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT OLD.house_id WHERE OLD.house_id IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR OLD.date < dirty_from THEN OLD.date ELSE dirty_from END
  WHERE house_id = OLD.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_chore_rotas_update AFTER UPDATE ON chore_rotas
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT NEW.house_id WHERE NEW.house_id IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR NEW.start_date < dirty_from THEN NEW.start_date ELSE dirty_from END
  WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_violations_insert AFTER INSERT ON violations
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT NEW.house_id WHERE NEW.house_id IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR date(NEW.occurred_at / 1000 - 86400, 'unixepoch') < dirty_from THEN date(NEW.occurred_at / 1000 - 86400, 'unixepoch') ELSE dirty_from END
  WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_violations_update AFTER UPDATE ON violations
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT NEW.house_id WHERE NEW.house_id IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR min(date(OLD.occurred_at / 1000 - 86400, 'unixepoch'), date(NEW.occurred_at / 1000 - 86400, 'unixepoch')) < dirty_from THEN min(date(OLD.occurred_at / 1000 - 86400, 'unixepoch'), date(NEW.occurred_at / 1000 - 86400, 'unixepoch')) ELSE dirty_from END
  WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_sign_outs_insert AFTER INSERT ON sign_outs
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT NEW.house_id WHERE NEW.house_id IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR '9999-12-31' < dirty_from THEN '9999-12-31' ELSE dirty_from END
  WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_sign_outs_update AFTER UPDATE ON sign_outs
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT NEW.house_id WHERE NEW.house_id IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR '9999-12-31' < dirty_from THEN '9999-12-31' ELSE dirty_from END
  WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_drug_tests AFTER INSERT ON drug_tests
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT NEW.house_id WHERE NEW.house_id IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR '9999-12-31' < dirty_from THEN '9999-12-31' ELSE dirty_from END
  WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_recovery_capital AFTER INSERT ON recovery_capital_surveys
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT NEW.house_id WHERE NEW.house_id IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR '9999-12-31' < dirty_from THEN '9999-12-31' ELSE dirty_from END
  WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_support_insert AFTER INSERT ON support_members
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT (SELECT house_id FROM residents WHERE id = NEW.resident_id) WHERE (SELECT house_id FROM residents WHERE id = NEW.resident_id) IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR '9999-12-31' < dirty_from THEN '9999-12-31' ELSE dirty_from END
  WHERE house_id = (SELECT house_id FROM residents WHERE id = NEW.resident_id);
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_support_update AFTER UPDATE ON support_members
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT (SELECT house_id FROM residents WHERE id = NEW.resident_id) WHERE (SELECT house_id FROM residents WHERE id = NEW.resident_id) IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR '9999-12-31' < dirty_from THEN '9999-12-31' ELSE dirty_from END
  WHERE house_id = (SELECT house_id FROM residents WHERE id = NEW.resident_id);
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_mentorships_insert AFTER INSERT ON mentorships
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT NEW.house_id WHERE NEW.house_id IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR '9999-12-31' < dirty_from THEN '9999-12-31' ELSE dirty_from END
  WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_mentorships_update AFTER UPDATE ON mentorships
BEGIN
  INSERT OR IGNORE INTO house_stats (house_id) SELECT NEW.house_id WHERE NEW.house_id IS NOT NULL;
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR '9999-12-31' < dirty_from THEN '9999-12-31' ELSE dirty_from END
  WHERE house_id = NEW.house_id;
END;
