-- The operator's overview keeps each house's live part (beds, open grievances,
-- managers, today's counts) while the house's state version holds. The writes
-- that already mark a house's day figures out of date bump the version; these
-- bump it for the rest of what the live part shows: beds, grievances, and who
-- manages the house (a manager added or removed, deactivated, or renamed).
-- (A missing house_stats row is inserted first, as in 0011: no INSERT OR IGNORE.)
CREATE TRIGGER house_stats_beds_insert AFTER INSERT ON beds
BEGIN
  INSERT INTO house_stats (house_id) SELECT NEW.house_id WHERE NOT EXISTS (SELECT 1 FROM house_stats WHERE house_id = NEW.house_id);
  UPDATE house_stats SET version = version + 1 WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_beds_update AFTER UPDATE OF house_id ON beds
BEGIN
  INSERT INTO house_stats (house_id) SELECT OLD.house_id WHERE NOT EXISTS (SELECT 1 FROM house_stats WHERE house_id = OLD.house_id);
  UPDATE house_stats SET version = version + 1 WHERE house_id = OLD.house_id;
  INSERT INTO house_stats (house_id) SELECT NEW.house_id WHERE NOT EXISTS (SELECT 1 FROM house_stats WHERE house_id = NEW.house_id);
  UPDATE house_stats SET version = version + 1 WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_beds_delete AFTER DELETE ON beds
BEGIN
  INSERT INTO house_stats (house_id) SELECT OLD.house_id WHERE NOT EXISTS (SELECT 1 FROM house_stats WHERE house_id = OLD.house_id);
  UPDATE house_stats SET version = version + 1 WHERE house_id = OLD.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_grievances_insert AFTER INSERT ON grievances
BEGIN
  INSERT INTO house_stats (house_id) SELECT NEW.house_id WHERE NOT EXISTS (SELECT 1 FROM house_stats WHERE house_id = NEW.house_id);
  UPDATE house_stats SET version = version + 1 WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_grievances_update AFTER UPDATE OF house_id, status ON grievances
BEGIN
  INSERT INTO house_stats (house_id) SELECT OLD.house_id WHERE NOT EXISTS (SELECT 1 FROM house_stats WHERE house_id = OLD.house_id);
  UPDATE house_stats SET version = version + 1 WHERE house_id = OLD.house_id;
  INSERT INTO house_stats (house_id) SELECT NEW.house_id WHERE NOT EXISTS (SELECT 1 FROM house_stats WHERE house_id = NEW.house_id);
  UPDATE house_stats SET version = version + 1 WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_membership_houses_insert AFTER INSERT ON membership_houses
BEGIN
  INSERT INTO house_stats (house_id) SELECT NEW.house_id WHERE NOT EXISTS (SELECT 1 FROM house_stats WHERE house_id = NEW.house_id);
  UPDATE house_stats SET version = version + 1 WHERE house_id = NEW.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_membership_houses_delete AFTER DELETE ON membership_houses
BEGIN
  INSERT INTO house_stats (house_id) SELECT OLD.house_id WHERE NOT EXISTS (SELECT 1 FROM house_stats WHERE house_id = OLD.house_id);
  UPDATE house_stats SET version = version + 1 WHERE house_id = OLD.house_id;
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_memberships_update AFTER UPDATE OF role, deactivated_at ON memberships
BEGIN
  INSERT INTO house_stats (house_id) SELECT h.house_id FROM membership_houses h WHERE h.membership_id = NEW.id AND NOT EXISTS (SELECT 1 FROM house_stats s WHERE s.house_id = h.house_id);
  UPDATE house_stats SET version = version + 1 WHERE house_id IN (SELECT h.house_id FROM membership_houses h WHERE h.membership_id = NEW.id);
END;
--> statement-breakpoint
CREATE TRIGGER house_stats_users_name AFTER UPDATE OF name ON users
BEGIN
  INSERT INTO house_stats (house_id) SELECT h.house_id FROM membership_houses h INNER JOIN memberships m ON m.id = h.membership_id WHERE m.user_id = NEW.id AND NOT EXISTS (SELECT 1 FROM house_stats s WHERE s.house_id = h.house_id);
  UPDATE house_stats SET version = version + 1 WHERE house_id IN (SELECT h.house_id FROM membership_houses h INNER JOIN memberships m ON m.id = h.membership_id WHERE m.user_id = NEW.id);
END;
