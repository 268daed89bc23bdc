<?php
/*
 * The placeholder page every new Berth PHP site starts with. Replace this file with your own
 * index.php (or delete it and upload an index.html).
 *
 * When the site is linked to a database, Berth passes its credentials as environment variables
 * (BERTH_DB_HOST, BERTH_DB_NAME, BERTH_DB_USER, BERTH_DB_PASSWORD); this page tries to connect
 * with them. Read them the same way in your code: getenv('BERTH_DB_HOST') and so on.
 */
declare(strict_types=1);

function h(string $text): string
{
    return htmlspecialchars($text, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
}

/** @return array{0: string, 1: string} the state ("none", "connected", "error") and a message */
function database_status(): array
{
    $host = getenv('BERTH_DB_HOST');
    $name = getenv('BERTH_DB_NAME');
    $user = getenv('BERTH_DB_USER');
    $password = getenv('BERTH_DB_PASSWORD');
    if (!$host || !$name || !$user || $password === false) {
        return ['none', 'no database is linked to this site'];
    }
    // BERTH_DB_HOST is "host" or "host:port".
    $port = 3306;
    if (preg_match('/^(.+):(\d+)$/', $host, $m)) {
        [$host, $port] = [$m[1], (int) $m[2]];
    }
    try {
        $pdo = new PDO(
            sprintf('mysql:host=%s;port=%d;dbname=%s;charset=utf8mb4', $host, $port, $name),
            $user,
            $password,
            [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION, PDO::ATTR_TIMEOUT => 3]
        );
        $version = (string) $pdo->query('SELECT VERSION()')->fetchColumn();
        return ['connected', sprintf('database %s on %s:%d as %s (server %s)', $name, $host, $port, $user, $version)];
    } catch (Throwable $e) {
        $message = $e->getMessage();
        // The password is never shown, even if a driver message were to contain it.
        if ($password !== '') {
            $message = str_replace($password, '********', $message);
        }
        return ['error', $message];
    }
}

[$db_state, $db_message] = database_status();
header('Cache-Control: no-cache');
?>
<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Your PHP site is live</title>
  <style>
    :root { color-scheme: light dark; }
    body { margin: 0; font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
           background: #f4f6f8; color: #1d2733; }
    main { max-width: 40rem; margin: 12vh auto; padding: 2.5rem; background: #fff;
           border-radius: 12px; box-shadow: 0 2px 14px rgba(0, 0, 0, .08); }
    h1 { margin-top: 0; font-size: 2rem; }
    code { background: #eef1f4; padding: .1em .35em; border-radius: 4px; }
    ol { padding-left: 1.3rem; }
    .muted { color: #5b6775; font-size: .9rem; }
    .connected { color: #1a7f37; }
    .error { color: #c0362c; }
    @media (prefers-color-scheme: dark) {
      body { background: #12161b; color: #e3e8ee; }
      main { background: #1b2128; box-shadow: none; }
      code { background: #2a323c; }
      .muted { color: #9aa6b2; }
      .connected { color: #56d364; }
      .error { color: #ff7b72; }
    }
  </style>
</head>
<body>
<main>
  <h1>Your PHP site is live</h1>
  <p>Congratulations: this address already works and runs PHP <strong
    id="php-version"><?= h(PHP_VERSION) ?></strong>. You are seeing the placeholder page that every
    new PHP site starts with.</p>
<?php if ($db_state === 'connected'): ?>
  <p id="database" class="connected">Database: connected (<?= h($db_message) ?>)</p>
<?php elseif ($db_state === 'error'): ?>
  <p id="database" class="error">Database: error: <?= h($db_message) ?></p>
<?php else: ?>
  <p id="database" class="muted">Database: none (<?= h($db_message) ?>)</p>
<?php endif; ?>
  <h2>Publish your own site</h2>
  <ol>
    <li>Open your site in the Berth control panel.</li>
    <li>Upload your files to the site's files. The home page is <code>index.php</code> (or
      <code>index.html</code>); it replaces this page.</li>
    <li>Reload this address. Requests for paths that are not files go to <code>index.php</code>,
      so front controllers work as they are.</li>
  </ol>
  <p class="muted">Database credentials, when a database is linked, are in the environment:
    <code>getenv('BERTH_DB_HOST')</code>, <code>BERTH_DB_NAME</code>, <code>BERTH_DB_USER</code>,
    <code>BERTH_DB_PASSWORD</code>. Files whose name starts with a dot are never served.</p>
</main>
</body>
</html>
