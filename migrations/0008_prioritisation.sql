ALTER TABLE `rounds` ADD `agenda_round_id` integer;--> statement-breakpoint
ALTER TABLE `actions` ADD `chosen_in_round_id` integer;--> statement-breakpoint
ALTER TABLE `actions` ADD `choice_value` text;