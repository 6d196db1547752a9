'use strict';

// The bot challenge (security.md D3) as the built-in page solves it: GET /api/challenge, find n in [0, maxnumber]
// with hex(SHA-256(salt + n)) === challenge, send the ALTCHA payload (base64 JSON) as the token request's `altcha`.

const { createHash } = require('node:crypto');

/** A fresh challenge from `base`, solved: the value of the token exchange's `altcha` property. */
async function solveChallenge(base) {
  const response = await fetch(`${base}/api/challenge`, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`GET /api/challenge answered HTTP ${response.status}: ${await response.text()}`);
  }

  const challenge = await response.json();
  for (let number = 0; number <= challenge.maxnumber; number++) {
    if (createHash('sha256').update(challenge.salt + number).digest('hex') === challenge.challenge) {
      const { algorithm, salt, signature } = challenge;
      return Buffer.from(JSON.stringify({ algorithm, challenge: challenge.challenge, number, salt, signature })).toString('base64');
    }
  }

  throw new Error('the challenge has no solution up to its maxnumber');
}

module.exports = { solveChallenge };
