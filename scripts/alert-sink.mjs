// A webhook receiver for the dev stack: prints one line per alert notification Grafana sends, so
// a newcomer sees the alert rule at work with `docker compose logs alert-sink`.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 9000);

function summarize(notification) {
  const alerts = Array.isArray(notification.alerts) ? notification.alerts : [];
  return {
    status: notification.status,
    title: notification.title,
    alerts: alerts.map((alert) => ({
      status: alert.status,
      labels: alert.labels,
      summary: alert.annotations?.summary,
    })),
  };
}

const server = createServer((request, response) => {
  if (request.method !== 'POST') {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('alert sink ready\n');
    return;
  }
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    let line;
    try {
      line = JSON.stringify(summarize(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    } catch {
      line = JSON.stringify({ error: 'the notification body is not JSON' });
    }
    process.stdout.write(`${new Date().toISOString()} ${line}\n`);
    response.writeHead(204).end();
  });
});

server.listen(port, '0.0.0.0', () => {
  process.stdout.write(`alert sink listening on :${port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
