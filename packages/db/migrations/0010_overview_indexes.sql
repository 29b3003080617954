DROP INDEX `stays_house_end_idx`;--> statement-breakpoint
CREATE INDEX `stays_house_end_idx` ON `stays` (`house_id`,`end_date`,`expected_end_date`);--> statement-breakpoint
CREATE INDEX `drug_tests_house_result_idx` ON `drug_tests` (`house_id`,`result`,`collected_at`) WHERE confirms_id is null;--> statement-breakpoint
CREATE INDEX `drug_tests_house_confirmations_idx` ON `drug_tests` (`house_id`,`collected_at`,`confirms_id`) WHERE confirms_id is not null;--> statement-breakpoint
CREATE INDEX `meeting_attendance_status_idx` ON `meeting_attendance` (`meeting_id`,`status`);