-- Fee rules as data: every change is a new version, kept, so a quote can always say which rules
-- priced it. The newest version is in force. Version 1 is the shop's opening schedule (KRW).
CREATE TABLE fee_schedules (
    version     integer      PRIMARY KEY,
    rules       text         NOT NULL,
    created_at  timestamptz  NOT NULL,
    created_by  varchar(100) NOT NULL
);

INSERT INTO fee_schedules (version, rules, created_at, created_by) VALUES (1, '{
  "currency": "KRW",
  "zones": {
    "capital": [{"name": "Seoul", "from": 1000, "to": 8999}, {"name": "Gyeonggi", "from": 10000, "to": 18999},
                {"name": "Incheon", "from": 21000, "to": 23999}],
    "jeju": [{"name": "Jeju", "from": 63000, "to": 63999}]
  },
  "defaultZone": "mainland",
  "bands": [
    {"maxGrams": 2000,  "fees": {"capital": 3000, "mainland": 3500, "jeju": 3500}},
    {"maxGrams": 5000,  "fees": {"capital": 4000, "mainland": 4500, "jeju": 4500}},
    {"maxGrams": 10000, "fees": {"capital": 5000, "mainland": 5500, "jeju": 5500}},
    {"maxGrams": 20000, "fees": {"capital": 7000, "mainland": 7500, "jeju": 7500}},
    {"maxGrams": 30000, "fees": {"capital": 9000, "mainland": 9500, "jeju": 9500}}
  ],
  "surcharges": [
    {"name": "Jeju", "from": 63000, "to": 63644},
    {"name": "islands", "from": 23100, "to": 23136},
    {"name": "islands", "from": 23650, "to": 23656},
    {"name": "islands", "from": 40200, "to": 40240},
    {"name": "islands", "from": 53031, "to": 53033},
    {"name": "islands", "from": 59102, "to": 59106}
  ],
  "surchargeAmounts": {"Jeju": 3000, "islands": 5000},
  "freeAbove": 50000,
  "options": {
    "STANDARD": {"premium": 0,    "businessDays": 2, "cutOff": "15:00", "onlyIn": []},
    "EXPRESS":  {"premium": 3000, "businessDays": 1, "cutOff": "15:00", "onlyIn": []},
    "SAME_DAY": {"premium": 5000, "businessDays": 0, "cutOff": "13:00", "onlyIn": [{"name": "Seoul", "from": 1000, "to": 8999}]}
  },
  "holidays": ["2026-12-25", "2027-01-01", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-03-01",
               "2027-05-05", "2027-05-13", "2027-06-06", "2027-08-15", "2027-08-16", "2027-09-14", "2027-09-15",
               "2027-09-16", "2027-10-03", "2027-10-04", "2027-10-09", "2027-12-25"]
}', now(), 'migration');
