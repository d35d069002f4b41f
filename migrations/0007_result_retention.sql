ALTER TABLE `networks` ADD `result_retention_months` integer;--> statement-breakpoint
ALTER TABLE `rounds` ADD `answered_total` integer;--> statement-breakpoint
ALTER TABLE `rounds` ADD `results_erased_at` text;