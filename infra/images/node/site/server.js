// The placeholder app every new Berth Node.js site starts with: replace this file with your own
// server.js. Berth runs `node /srv/site/server.js` and sends the site's traffic to port 8080
// (the PORT environment variable). When the process exits with an error, the container restarts.
'use strict';

const http = require('node:http');

const port = Number(process.env.PORT || 8080);

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Your Node.js site is live</title>
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
    @media (prefers-color-scheme: dark) {
      body { background: #12161b; color: #e3e8ee; }
      main { background: #1b2128; box-shadow: none; }
      code { background: #2a323c; }
      .muted { color: #9aa6b2; }
    }
  </style>
</head>
<body>
<main>
  <h1>Your Node.js site is live</h1>
  <p>Congratulations: this address already works and runs Node.js
    <strong id="node-version">${process.version}</strong>. You are seeing the placeholder app that
    every new Node.js site starts with.</p>
  <h2>Run your own app</h2>
  <ol>
    <li>Open your site in the Berth control panel.</li>
    <li>Upload your app to the site's files, with its <code>node_modules</code>. Berth starts
      <code>server.js</code>; it replaces this app.</li>
    <li>Listen on port <code>process.env.PORT</code> (8080). The site restarts when the app
      exits with an error.</li>
  </ol>
  <p class="muted">Database credentials, when a database is linked, are in the environment:
    <code>BERTH_DB_HOST</code>, <code>BERTH_DB_NAME</code>, <code>BERTH_DB_USER</code>,
    <code>BERTH_DB_PASSWORD</code>.</p>
</main>
</body>
</html>
`;

const server = http.createServer((request, response) => {
  const path = new URL(request.url, 'http://localhost').pathname;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { 'Allow': 'GET, HEAD', 'Content-Type': 'text/plain' });
    response.end('Method not allowed\n');
  } else if (path === '/health') {
    response.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
    response.end('ok\n');
  } else if (path === '/') {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    response.end(request.method === 'HEAD' ? undefined : page);
  } else {
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('Not found\n');
  }
  console.log(`${request.method} ${request.url} ${response.statusCode}`);
});

server.listen(port, () => console.log(`Listening on port ${port} (Node.js ${process.version})`));

// docker stop: finish the requests in flight, then exit 0 (at most 4 s; Docker waits 5 s).
function stop(signal) {
  console.log(`${signal}: stopping`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 4000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
