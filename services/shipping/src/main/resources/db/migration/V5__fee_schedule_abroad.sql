-- Parcels abroad: the rules in force gain an "abroad" section, published as the next version (an
-- administrator's later versions keep it unless they change it). Zones by country; fees per weight
-- band, in the schedule's currency; standard and express only; never free.
INSERT INTO fee_schedules (version, rules, created_at, created_by)
SELECT version + 1, (rules::jsonb || '{
  "abroad": {
    "zones": {
      "asia": ["JP", "CN", "TW", "HK", "MO", "MN", "SG", "VN", "TH", "PH", "MY", "ID"],
      "west": ["US", "CA", "GB", "IE", "DE", "FR", "IT", "ES", "PT", "NL", "BE", "LU", "AT", "CH", "DK", "SE", "NO", "FI",
               "PL", "CZ", "AU", "NZ"]
    },
    "defaultZone": "rest",
    "bands": [
      {"maxGrams": 500,   "fees": {"asia": 15000,  "west": 24000,  "rest": 30000}},
      {"maxGrams": 1000,  "fees": {"asia": 19000,  "west": 31000,  "rest": 40000}},
      {"maxGrams": 2000,  "fees": {"asia": 26000,  "west": 45000,  "rest": 58000}},
      {"maxGrams": 5000,  "fees": {"asia": 42000,  "west": 80000,  "rest": 100000}},
      {"maxGrams": 10000, "fees": {"asia": 68000,  "west": 135000, "rest": 170000}},
      {"maxGrams": 20000, "fees": {"asia": 110000, "west": 230000, "rest": 290000}}
    ],
    "options": {
      "STANDARD": {"premium": 0,     "businessDays": 7, "cutOff": "15:00", "onlyIn": []},
      "EXPRESS":  {"premium": 15000, "businessDays": 3, "cutOff": "15:00", "onlyIn": []}
    },
    "freeAbove": null
  }
}'::jsonb)::text, now(), 'migration'
FROM fee_schedules
WHERE version = (SELECT max(version) FROM fee_schedules);
