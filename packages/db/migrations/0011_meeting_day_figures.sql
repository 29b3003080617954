ALTER TABLE `house_day_stats` ADD `meetings_held` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `house_day_stats` ADD `meetings_present` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `house_day_stats` ADD `meetings_recorded` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- House meetings join the stored day figures: a meeting held, closed later, or
-- its attendance changed marks its house's figures out of date from the
-- meeting's date. Every house's figures are worked out again from the start.
-- (The roll is written with an upsert, and a trigger's INSERT OR IGNORE would
-- take the upsert's conflict handling and fail: a missing row is inserted.)
CREATE TRIGGER house_stats_meetings_insert AFTER INSERT ON meetings
BEGIN
  INSERT INTO house_stats (house_id) SELECT NEW.house_id WHERE NEW.house_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM house_stats WHERE house_id = NEW.house_id);
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR NEW.date < dirty_from THEN NEW.date ELSE dirty_from END
  WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_meetings_update AFTER UPDATE OF house_id, date, status ON meetings
BEGIN
  INSERT INTO house_stats (house_id) SELECT OLD.house_id WHERE OLD.house_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM house_stats WHERE house_id = OLD.house_id);
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR OLD.date < dirty_from THEN OLD.date ELSE dirty_from END
  WHERE house_id = OLD.house_id;
  INSERT INTO house_stats (house_id) SELECT NEW.house_id WHERE NEW.house_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM house_stats WHERE house_id = NEW.house_id);
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR NEW.date < dirty_from THEN NEW.date ELSE dirty_from END
  WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_meetings_delete AFTER DELETE ON meetings
BEGIN
  INSERT INTO house_stats (house_id) SELECT OLD.house_id WHERE OLD.house_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM house_stats WHERE house_id = OLD.house_id);
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR OLD.date < dirty_from THEN OLD.date ELSE dirty_from END
  WHERE house_id = OLD.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_attendance_insert AFTER INSERT ON meeting_attendance
BEGIN
  INSERT INTO house_stats (house_id) SELECT (SELECT house_id FROM meetings WHERE id = NEW.meeting_id) WHERE (SELECT house_id FROM meetings WHERE id = NEW.meeting_id) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM house_stats WHERE house_id = (SELECT house_id FROM meetings WHERE id = NEW.meeting_id));
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR (SELECT date FROM meetings WHERE id = NEW.meeting_id) < dirty_from THEN (SELECT date FROM meetings WHERE id = NEW.meeting_id) ELSE dirty_from END
  WHERE house_id = (SELECT house_id FROM meetings WHERE id = NEW.meeting_id);
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_attendance_update AFTER UPDATE OF meeting_id, status ON meeting_attendance
BEGIN
  INSERT INTO house_stats (house_id) SELECT (SELECT house_id FROM meetings WHERE id = OLD.meeting_id) WHERE (SELECT house_id FROM meetings WHERE id = OLD.meeting_id) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM house_stats WHERE house_id = (SELECT house_id FROM meetings WHERE id = OLD.meeting_id));
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR (SELECT date FROM meetings WHERE id = OLD.meeting_id) < dirty_from THEN (SELECT date FROM meetings WHERE id = OLD.meeting_id) ELSE dirty_from END
  WHERE house_id = (SELECT house_id FROM meetings WHERE id = OLD.meeting_id);
  INSERT INTO house_stats (house_id) SELECT (SELECT house_id FROM meetings WHERE id = NEW.meeting_id) WHERE (SELECT house_id FROM meetings WHERE id = NEW.meeting_id) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM house_stats WHERE house_id = (SELECT house_id FROM meetings WHERE id = NEW.meeting_id));
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR (SELECT date FROM meetings WHERE id = NEW.meeting_id) < dirty_from THEN (SELECT date FROM meetings WHERE id = NEW.meeting_id) ELSE dirty_from END
  WHERE house_id = (SELECT house_id FROM meetings WHERE id = NEW.meeting_id);
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_attendance_delete AFTER DELETE ON meeting_attendance
BEGIN
  INSERT INTO house_stats (house_id) SELECT (SELECT house_id FROM meetings WHERE id = OLD.meeting_id) WHERE (SELECT house_id FROM meetings WHERE id = OLD.meeting_id) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM house_stats WHERE house_id = (SELECT house_id FROM meetings WHERE id = OLD.meeting_id));
  UPDATE house_stats SET version = version + 1,
    dirty_from = CASE WHEN dirty_from IS NULL OR (SELECT date FROM meetings WHERE id = OLD.meeting_id) < dirty_from THEN (SELECT date FROM meetings WHERE id = OLD.meeting_id) ELSE dirty_from END
  WHERE house_id = (SELECT house_id FROM meetings WHERE id = OLD.meeting_id);
END;
--> statement-breakpoint
UPDATE house_stats SET version = version + 1, computed_through = NULL;
