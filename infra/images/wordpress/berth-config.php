<?php
/*
 * Berth's WordPress settings, part of the image (/etc/wordpress/berth-config.php). The site's own
 * wp-config.php, on the site's volume, requires this file: what it defines first wins.
 *
 * Everything comes from the container's environment, set by the platform:
 *   BERTH_DB_HOST, BERTH_DB_NAME, BERTH_DB_USER, BERTH_DB_PASSWORD  the site's MariaDB database
 *   BERTH_SITE_URL  the site's public address, e.g. http://blog.berth.localhost:8880
 *   BERTH_WP_SALT   one secret per site; the eight keys and salts are derived from it
 * The customer's files (themes, plugins, uploads, languages) live on the volume, in
 * /srv/site/wp-content; WordPress itself is read-only, in /usr/share/wordpress, and is updated by
 * new image versions.
 */

function berth_env(string $name, ?string $default = null): ?string
{
    $value = getenv($name);
    return ($value === false || $value === '') ? $default : $value;
}

function berth_refuse(string $message): void
{
    error_log('berth: ' . $message);
    if (PHP_SAPI === 'cli') {
        fwrite(STDERR, "berth: $message\n");
        exit(1);
    }
    http_response_code(503);
    header('Content-Type: text/plain; charset=utf-8');
    header('Retry-After: 30');
    echo "This site is not configured yet. Try again in a moment.\n";
    exit;
}

// Database.
defined('DB_NAME') || define('DB_NAME', berth_env('BERTH_DB_NAME', 'wordpress'));
defined('DB_USER') || define('DB_USER', berth_env('BERTH_DB_USER', 'wordpress'));
defined('DB_PASSWORD') || define('DB_PASSWORD', berth_env('BERTH_DB_PASSWORD', ''));
defined('DB_HOST') || define('DB_HOST', berth_env('BERTH_DB_HOST', 'localhost'));
defined('DB_CHARSET') || define('DB_CHARSET', 'utf8mb4');
defined('DB_COLLATE') || define('DB_COLLATE', '');
if (!isset($table_prefix)) {
    $table_prefix = 'wp_';
}

// Keys and salts: hash('sha256', name . secret) for each of the eight. Without the secret they
// would be guessable (anyone could forge a login cookie), so the site refuses to run.
$berth_salt = berth_env('BERTH_WP_SALT');
if ($berth_salt === null || strlen($berth_salt) < 32) {
    berth_refuse('BERTH_WP_SALT is missing or shorter than 32 characters');
}
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY',
          'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as $berth_key) {
    defined($berth_key) || define($berth_key, hash('sha256', $berth_key . $berth_salt));
}
unset($berth_salt, $berth_key);

// The site's address. The proxy in front terminates TLS and says so in X-Forwarded-Proto.
if (($_SERVER['HTTP_X_FORWARDED_PROTO'] ?? '') === 'https') {
    $_SERVER['HTTPS'] = 'on';
}
$berth_url = berth_env('BERTH_SITE_URL');
if ($berth_url === null && isset($_SERVER['HTTP_HOST'])) {
    $berth_url = (($_SERVER['HTTPS'] ?? '') === 'on' ? 'https://' : 'http://') . $_SERVER['HTTP_HOST'];
}
if ($berth_url !== null) {
    defined('WP_HOME') || define('WP_HOME', rtrim($berth_url, '/'));
    defined('WP_SITEURL') || define('WP_SITEURL', rtrim($berth_url, '/'));
}
unset($berth_url);

// Files: the customer's content on the volume; the core is read-only.
defined('WP_CONTENT_DIR') || define('WP_CONTENT_DIR', '/srv/site/wp-content');
defined('WP_TEMP_DIR') || define('WP_TEMP_DIR', '/tmp');
defined('FS_METHOD') || define('FS_METHOD', 'direct');
defined('DISALLOW_FILE_EDIT') || define('DISALLOW_FILE_EDIT', true);
// The core comes with the image: it never updates itself (themes and plugins may).
defined('WP_AUTO_UPDATE_CORE') || define('WP_AUTO_UPDATE_CORE', false);
defined('WP_ALLOW_MULTISITE') || define('WP_ALLOW_MULTISITE', false);
defined('WP_MEMORY_LIMIT') || define('WP_MEMORY_LIMIT', '64M');
defined('WP_MAX_MEMORY_LIMIT') || define('WP_MAX_MEMORY_LIMIT', '128M');
defined('WP_DEBUG') || define('WP_DEBUG', false);

// WP-Cron runs by WordPress calling its own address, which from inside the container is not the
// public one: call nginx on the container's own port instead, with the site's host name.
// ($wp_filter set before WordPress loads is WordPress's documented way to add hooks this early.)
if (!function_exists('berth_cron_request')) {
    function berth_cron_request(array $request): array
    {
        $parts = parse_url($request['url']);
        if (!is_array($parts) || !isset($parts['host'])) {
            return $request;
        }
        $request['url'] = 'http://127.0.0.1:8080' . ($parts['path'] ?? '/wp-cron.php')
            . (isset($parts['query']) ? '?' . $parts['query'] : '');
        $request['args']['headers']['Host'] = $parts['host'] . (isset($parts['port']) ? ':' . $parts['port'] : '');
        $request['args']['sslverify'] = false;
        return $request;
    }
}
$GLOBALS['wp_filter']['cron_request'][10][] = ['function' => 'berth_cron_request', 'accepted_args' => 1];

defined('ABSPATH') || define('ABSPATH', '/usr/share/wordpress/');
require_once ABSPATH . 'wp-settings.php';
