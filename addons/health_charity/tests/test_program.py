# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import HealthCharityCase


@tagged("post_install", "-at_install")
class TestCases(HealthCharityCase):
    def _program(self, user=None, company=None, **vals):
        company = company or self.university
        base = {
            "name": "Volunteer camp of Saravan",
            "program_type": "volunteer_camp",
            "company_id": company.id,
            "date_start": "2026-05-01 08:00:00",
            "date_end": "2026-05-05 18:00:00",
            "is_underserved": True,
            "beneficiary_count": 1200,
        }
        base.update(vals)
        return (
            self.env["hc.program"]
            .with_user(user or self.staff)
            .with_company(company)
            .create(base)
        )

    def test_program_lifecycle(self):
        program = self._program(partner_ids=[(6, 0, self.donor.ids)])
        self.assertEqual(program.participant_count, 1)
        program.action_confirm()
        program.action_done()
        self.assertEqual(program.state, "done")
        with self.assertRaises(UserError):
            program.action_cancel()

    def test_program_dates_refused(self):
        with self.assertRaisesRegex(ValidationError, "end before it starts"):
            self._program(date_end="2026-04-30 08:00:00")
        program = self._program()
        with self.assertRaisesRegex(ValidationError, "end before it starts"):
            program.write({"date_start": "2026-06-01 00:00:00"})

    def test_program_isolation(self):
        program_b = self._program(user=self.officer_b, company=self.hospital_b)
        with self.assertRaises(AccessError):
            program_b.with_user(self.officer_a).read(["name"])

    def test_legal_challenge_flow_and_overdue(self):
        challenge = (
            self.env["hc.legal.challenge"]
            .with_user(self.staff)
            .create(
                {
                    "name": "Customs duties on donated equipment",
                    "description": "<p>Donated CT scanners pay import duties.</p>",
                }
            )
        )
        challenge.action_review()
        with self.assertRaisesRegex(UserError, "reference"):
            challenge.action_send_to_ministry()
        challenge.ministry_reference = "MOH-1405-123"
        challenge.action_send_to_ministry()
        self.assertEqual(challenge.state, "sent_to_ministry")
        self.assertTrue(challenge.sent_date)
        self.assertFalse(challenge.is_overdue)
        challenge.answer_due_date = date.today() - timedelta(days=1)
        self.assertTrue(challenge.is_overdue)
        overdue = self.env["hc.legal.challenge"].search([("is_overdue", "=", True)])
        self.assertIn(challenge, overdue)
        with self.assertRaisesRegex(UserError, "response"):
            challenge.action_resolve()
        challenge.ministry_response = "<p>Exemption granted.</p>"
        challenge.action_resolve()
        self.assertEqual(challenge.state, "resolved")
        challenge.action_close()
        self.assertEqual(challenge.state, "closed")

    def test_agreement(self):
        endowment = self.env["res.partner"].create(
            {"name": "Endowment Organisation of Hamedan", "is_company": True}
        )
        Agreement = self.env["hc.agreement"].with_user(self.staff)
        with self.assertRaises(ValidationError):
            Agreement.create(
                {
                    "name": "MOU",
                    "partner_id": endowment.id,
                    "date_start": "2026-01-01",
                    "date_end": "2025-01-01",
                }
            )
        agreement = Agreement.create(
            {
                "name": "Health endowments MOU",
                "partner_id": endowment.id,
                "date_start": "2024-01-01",
                "date_end": "2025-01-01",
            }
        )
        agreement.action_activate()
        self.env["hc.agreement"]._cron_expire_agreements()
        self.assertEqual(agreement.state, "expired")
