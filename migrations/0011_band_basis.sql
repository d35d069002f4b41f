ALTER TABLE `networks` ADD `band_basis` text DEFAULT 'mean' NOT NULL;--> statement-breakpoint
ALTER TABLE `networks` ADD `favourable_strength` integer DEFAULT 70 NOT NULL;--> statement-breakpoint
ALTER TABLE `networks` ADD `favourable_concern` integer DEFAULT 50 NOT NULL;