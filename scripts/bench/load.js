'use strict';

/**
 * Runs autocannon against one URL and prints its summary as JSON: the load comes from this
 * process, not from the server's.
 * Usage: node scripts/bench/load.js <url> <connections> <seconds> [bearer token]
 */
const autocannon = require('autocannon');

const [url, connections = '32', seconds = '10', token] = process.argv.slice(2);

autocannon(
  { url, connections: Number(connections), duration: Number(seconds), headers: token ? { authorization: `Bearer ${token}` } : {} },
  (error, result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    const errors = result.errors + result.timeouts + result.non2xx;
    process.stdout.write(
      `${JSON.stringify({
        requestsPerSecond: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors,
        requests: result.requests.total,
      })}\n`
    );
  }
);
