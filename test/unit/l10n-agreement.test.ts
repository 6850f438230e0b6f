// Spanish adjectives agree with their noun: "certificado" is masculine, "credencial" and "certificación"
// feminine. A word the code shows beside both (a held certificate and a held credential share "held") must
// not take one gender: "obtenida" beside a certificate read wrong in the Career view, the dashboard and
// `pharmacy-ce career`.
import { strict as assert } from 'node:assert';
import { certificateWords, standingSummary } from '../../src/ui/career-text';
import type { CareerCertificate, EligibilityStanding } from '../../src/core/career/types';
import { inSpanish, SPANISH } from './spanish';


/** A Spanish past participle used as an adjective, with its gender: `obtenida`, `vencidos`, `planificada`. */
const GENDERED_PARTICIPLE = /\b\p{L}+(?:ad|id)[oa]s?\b/iu;
const FEMININE_PARTICIPLE = /\b\p{L}+(?:ad|id)as?\b/iu;

/**
 * The messages the code shows beside a certificate and beside a credential alike (standingSummary, the
 * dashboard ladder's stage, certificateWords and the held-credential rows): their Spanish takes no gender.
 */
const SHARED = ['held', 'Held', 'expired {0}'];


describe('Spanish agreement', () => {
  it('words shown beside both certificates and credentials take no gender', () => {
    for (const message of SHARED) {
      assert.ok(SPANISH[message], message);
      assert.doesNotMatch(SPANISH[message], GENDERED_PARTICIPLE, message);
    }
  });

  it('a held certificate and an expired certificate read without a feminine adjective', () => {
    const held: EligibilityStanding = { id: 'ptcb-tpv', name: 'Technician Product Verification Certificate', met: true, requirements: [], held: true, caveats: [], source: 'ptcb.org', asOf: '2026-11-30' };
    const expired: CareerCertificate = {
      program: 'ptcb-tpv', name: 'Technician Product Verification Certificate', kind: 'certificate', status: 'earned', earned: '2023-01-10', expires: '2025-01-10',
      active: false, credentialNumber: null, file: 'career/tpv.md', line: 1, studyPlan: null,
    };
    const words = inSpanish(() => [standingSummary(held), certificateWords(expired, '2026-11-30', (d) => d)]);
    for (const text of words) assert.doesNotMatch(text, FEMININE_PARTICIPLE, text);
  });
});
