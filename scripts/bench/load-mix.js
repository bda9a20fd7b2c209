'use strict';

/**
 * Runs autocannon over a pool of URLs, each request drawing its path uniformly or by Zipf rank,
 * and prints its summary as JSON (with per-route latencies): the load comes from this process.
 * Usage: node scripts/bench/load-mix.js <origin> <pool.json> <uniform|zipf|first> <connections> <seconds>
 */
const fs = require('node:fs');
const autocannon = require('autocannon');
const { prng, routeOf, zipfSampler } = require('./portal-mix');

const [origin, poolFile, distribution, connections = '32', seconds = '10'] = process.argv.slice(2);
const pool = JSON.parse(fs.readFileSync(poolFile, 'utf8'));
// 'first': uniform over the pool in another order, the first load a started server sees (its warm-up)
const SEEDS = { zipf: 7, uniform: 3, first: 11 };
if (!(distribution in SEEDS)) {
  console.error(`distribution must be one of ${Object.keys(SEEDS).join(', ')}, got ${distribution}`);
  process.exit(2);
}
const random = prng(SEEDS[distribution]);
const next = distribution === 'zipf' ? zipfSampler(pool.length, random) : () => Math.floor(random() * pool.length);

// the path of the response being recorded: onResponse and the 'response' event follow each other synchronously
let answered = null;
const perRoute = new Map();
const distinct = new Set();

const instance = autocannon(
  {
    url: origin,
    connections: Number(connections),
    duration: Number(seconds),
    requests: [
      {
        setupRequest: (request, context) => {
          const path = pool[next()];
          context.path = path;
          distinct.add(path);
          return { ...request, path };
        },
        onResponse: (status, body, context) => {
          if (status >= 400) perRoute.set('errors', [...(perRoute.get('errors') ?? []), `${status} ${context.path}`].slice(0, 10));
          answered = context.path;
        },
      },
    ],
  },
  (error, result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    const errors = result.errors + result.timeouts + result.non2xx;
    const routes = {};
    for (const [route, times] of perRoute) {
      if (route === 'errors') continue;
      times.sort((a, b) => a - b);
      const at = (p) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))] * 10) / 10;
      routes[route] = { requests: times.length, p50: at(0.5), p99: at(0.99) };
    }
    process.stdout.write(
      `${JSON.stringify({
        requestsPerSecond: result.requests.average,
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        errors,
        requests: result.requests.total,
        distinctUrls: distinct.size,
        firstErrors: perRoute.get('errors') ?? [],
        routes,
      })}\n`
    );
  }
);

// per-route latency: autocannon reports each response's time with the request it answered
instance.on('response', (client, statusCode, resBytes, responseTime) => {
  if (!answered) return;
  const route = routeOf(answered);
  answered = null;
  if (!perRoute.has(route)) perRoute.set(route, []);
  perRoute.get(route).push(responseTime);
});
