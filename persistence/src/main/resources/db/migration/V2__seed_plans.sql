INSERT INTO plan (code, name, description, price_cents, currency, period, trial_days,
                  cpu_millis, memory_mb, disk_mb, max_sites, sort_order)
VALUES ('trial', 'Trial', 'Try Berth free for 14 days: one site, no card needed.',
        0, 'EUR', 'TRIAL', 14, 250, 128, 1024, 1, 1),
       ('starter', 'Starter', 'For a personal site or a blog that is starting to grow.',
        500, 'EUR', 'MONTH', 0, 500, 256, 5120, 3, 2),
       ('business', 'Business', 'For shops and teams: more power, more sites, more room.',
        2000, 'EUR', 'MONTH', 0, 2000, 1024, 20480, 10, 3);
