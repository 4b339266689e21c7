/**
 * Texts of the audit notebook in Dutch and English.
 * @module
 */
import type { Dictionary } from "../i18n.ts";

/** The audit notebook's dictionary. */
export const AUDIT: Dictionary = {
  nl: {
    "plot.findings": "bevindingen",
    "plot.error": "fout",
    "plot.warning": "waarschuwing",
    "plot.note": "opmerking",
    "intro": `# Controle van het bewijs

**Zijn de getallen in de bewijstabellen van het VRA-bezwaar met elkaar in overeenstemming?** Zoals statcheck artikelen controleert, rekent dit notebook na wat uit de gedrukte getallen volgt en noemt het elke tegenstrijdigheid: een schatting buiten haar betrouwbaarheidsinterval, een asymmetrisch interval, een p-waarde die het interval niet geeft, een significantieteken dat Q en df niet geven, een I² die Q en df niet geven, df ≠ N − 1, aantallen die niet optellen, percentages die geen geheel aantal patiënten kan opleveren, gestandaardiseerde effecten van onwaarschijnlijke grootte, identieke getallen voor verschillende groepen, en subgroepverschillen waarvan de p niet kan volgen uit de eigen schattingen en p-waarden van de subgroepen.

Bron: VRA, *Bezwaar op het conceptstandpunt van het Zorginstituut over IMSR bij chronische pijn* (2025), hoofdstuk 4 (tabellen 4a, 4b, 4c) en paragraaf 3b, zoals vastgelegd in de data van dit project (zie het notebook *Bewijstabellen*). Elke bevinding zegt wat er gecontroleerd is, de getallen, een ernst en wat het betekent. Ernst: **fout** = de gedrukte getallen kunnen niet allemaal kloppen; **waarschuwing** = zeer onwaarschijnlijk, of een gangbare lezing faalt; **opmerking** = goed om te weten, geen tegenspraak (bijvoorbeeld een correctie van de tekstextractie, of een I² die anders berekend is dan met de formule uit het leerboek).`,
    "summary": "{total} bevindingen: {error} fouten, {warning} waarschuwingen, {note} opmerkingen.",
    "input.show": "Toon",
    "input.check": "Controle",
    "check.all": "alle",
    "sev.error": "fout",
    "sev.warning": "waarschuwing",
    "sev.note": "opmerking",
    "h.findings": `## Elke bevinding, uitgelegd

Eén kaart per bevinding, in tabelvolgorde: klik op een bevinding voor de getallen en de uitleg. "Rijen" zijn de rijen van de data (de tabel en het nummer van de studie of uitkomst), zodat u het getal in het bezwaar terugvindt.`,
    "field.table": "tabel",
    "field.check": "controle",
    "field.rows": "rijen",
    "field.numbers": "getallen",
    "h.i2": `## I² zoals gedrukt tegenover I² uit Q en df

Higgins' I² = (Q − df) / Q volgt uit de gedrukte Q en df. Een op τ² gebaseerde I² (τ² / (τ² + s²), de standaard van metafor, met de REML-schatter) is daaraan alleen gelijk bij de DerSimonian–Laird-τ²; met REML kan hij hoger of lager zijn, en hij kan terecht **ver onder** de op Q gebaseerde waarde liggen (tot 0 als de REML-τ² 0 is). Punten op de stippellijn komen overeen; het grootste deel van tabel 4c ligt er iets boven, dus de I² is waarschijnlijk op τ² gebaseerd. Zelfeffectiviteit van na de behandeling tot de laatste follow-up (8,3% gedrukt, 24,9% uit Q, waarvan Q = 19,98 bij 15 df niet significant is) past bij zo'n kleine op τ² gebaseerde waarde en staat als opmerking, niet als tegenspraak. De twee gedrukte waarden van 100% voor sociaal functioneren (97,95% en 99,17% uit Q) zijn gemarkeerd: een gedrukte "100%" vraagt I² ≥ 99,5%, dus een τ² van minstens 199 keer de typische variantie binnen een cohort, wat een op τ² gebaseerde I² alleen haalt met extreme effectgroottes tussen de gepoolde cohorten.`,
    "h.meaning": `## Wat de belangrijkste bevindingen betekenen

- **Smeets 2006, PSC, CT tegen wachtlijst: −17,84 (−26,54 tot −0,14).** De twee marges zijn 8,70 en 17,70; een interval van een gemiddeld verschil is symmetrisch, dus één grens is verkeerd gedrukt (−9,14 zou passen).
- **Smeets 2006, PSC, CBT tegen CT na de behandeling: −1,74 (11,23 tot 7,75).** Bij de ondergrens ontbreekt het minteken; de data bevatten −11,23 (symmetrisch rond −1,74) met de ruwe tekst.
- **4c, fysiek functioneren, na de behandeling tot de laatste follow-up: df = 25 bij N = 25.** Q over 25 cohorten heeft 24 df.
- **4c, sociaal functioneren, spreiding tot 719, 1343 en 4400 SD's.** Geen cohort verandert honderden standaarddeviaties; dit zijn vrijwel zeker ruwe scores of varianties. Ze zouden ook de gedrukte I² van 100% verklaren: die vraagt I² ≥ 99,5% (τ² ≥ 199 keer de variantie binnen een cohort), wat een paar cohorten met zulke waarden makkelijk geven.
- **Timmers 2021, 60% responders zonder vermelde noemer.** Het kan geen 60% zijn van de 23 die exposure in vivo afrondden (13/23 = 56,5%, 14/23 = 60,9%); 12 van de 20 met 6 maanden follow-up en 18 van de 30 geïncludeerden geven allebei precies 60%, dus het percentage zegt niet welke noemer gebruikt is.
- **Legenda van 4c** \`*p > .05; **p > .01; ***p > .001\`: de ongelijktekens staan de verkeerde kant op.
- **Subgroepen: individueel+groep (ES 0,726, p = ,004) tegen groep (0,572, p < ,001), verschil p = ,3223.** Uit p = ,004 volgt een SE van ongeveer 0,25 voor de eerste subgroep, dus het verschil van 0,154 kan bij een z-toets van twee onafhankelijke schattingen geen p = ,32 opleveren (p ≥ 0,54). De identieke ES en p van "hoge mate van maatwerk" wijzen op dezelfde cohorten, of op een gekopieerd getal.
- **Smeets 2006, armen: 61 + 58 + 53 + 50 = 222, niet 223.**`,
    "i2.x": "I² uit Q en df, Higgins (%)",
    "i2.y": "I² gedrukt (%)",
  },
  en: {
    "plot.findings": "findings",
    "plot.error": "error",
    "plot.warning": "warning",
    "plot.note": "note",
    "intro": `# Auditing the evidence

**Are the numbers in the VRA objection's evidence tables consistent with each other?** The way statcheck checks papers, this notebook recomputes what follows from the printed numbers and lists every disagreement: an estimate outside its CI, an asymmetric CI, a p-value that the CI does not imply, a significance mark that Q and df do not give, an I² that Q and df do not give, df ≠ N − 1, counts that do not add up, percentages that no whole number of patients can give, standardised effects of implausible size, identical numbers for different groups, and subgroup differences whose p cannot follow from the subgroups' own estimates and p-values.

Source: VRA, *Objection to the Zorginstituut's draft position on IMSR for chronic pain* (Dutch: *Bezwaar op het conceptstandpunt*, 2025), chapter 4 (tables 4a, 4b, 4c) and section 3b, as recorded in this project's data (see the notebook *Evidence tables*). Each finding says what was checked, the numbers, a severity and what it means. Severity: **error** = the printed numbers cannot all be right; **warning** = very unlikely or a standard reading fails; **note** = worth knowing, not a contradiction (e.g. an extraction correction, or an I² computed differently from the textbook formula).`,
    "summary": "{total} findings: {error} errors, {warning} warnings, {note} notes.",
    "input.show": "Show",
    "input.check": "Check",
    "check.all": "all",
    "sev.error": "error",
    "sev.warning": "warning",
    "sev.note": "note",
    "h.findings": `## Every finding, explained

One card per finding, in table order: click a finding for its numbers and explanation. "Rows" are the data's rows (the table and the id of the study or outcome), so that you can find the number in the objection.`,
    "field.table": "table",
    "field.check": "check",
    "field.rows": "rows",
    "field.numbers": "numbers",
    "h.i2": `## I² as printed versus I² from Q and df

Higgins' I² = (Q − df) / Q follows from the printed Q and df. A τ²-based I² (τ² / (τ² + s²), metafor's default, with the REML estimator) equals it only for the DerSimonian–Laird τ²; with REML it can be higher or lower, and it can legitimately be **far below** the Q-based value (down to 0 when the REML τ² is 0). Points on the dashed line agree; most of the 4c table lies a little above it, so its I² is probably τ²-based. Self-efficacy from post-treatment to the final follow-up (8.3% printed, 24.9% from Q, whose Q = 19.98 on 15 df is not significant) fits such a small τ²-based value and is listed as a note, not as a contradiction. The two printed values of 100% for social functioning (97.95% and 99.17% from Q) are flagged: a printed "100%" needs only I² ≥ 99.5%, that is a τ² of at least 199 times the typical within-cohort variance, which a τ²-based I² reaches only with extreme effect sizes among the pooled cohorts.`,
    "h.meaning": `## What the main findings mean

- **Smeets 2006, PSC, CT vs waiting list: −17.84 (−26.54 to −0.14).** The two margins are 8.70 and 17.70; a CI of a mean difference is symmetric, so one limit is misprinted (−9.14 would fit).
- **Smeets 2006, PSC, CBT vs CT post: −1.74 (11.23 to 7.75).** The lower limit lacks its minus sign; the data hold −11.23 (symmetric around −1.74) with the raw text.
- **4c, physical function, post to final follow-up: df = 25 with N = 25.** Q over 25 cohorts has 24 df.
- **4c, social functioning ranges up to 719, 1343 and 4400 SDs.** No cohort changes by hundreds of standard deviations; these are almost certainly raw scores or variances. They would also explain the printed I² of 100%: that needs I² ≥ 99.5% (τ² ≥ 199 times the within-cohort variance), which a few cohorts with such values give easily.
- **Timmers 2021, 60% responders with no stated denominator.** It cannot be 60% of the 23 who completed exposure in vivo (13/23 = 56.5%, 14/23 = 60.9%); 12 of the 20 with 6-month follow-up and 18 of the 30 enrolled both give exactly 60%, so the percentage does not tell which was used.
- **4c legend** \`*p > .05; **p > .01; ***p > .001\`: the inequalities point the wrong way.
- **Subgroups: individual+group (ES 0.726, p = .004) vs group (0.572, p < .001), difference p = .3223.** From p = .004 the first subgroup's SE is about 0.25, so the difference of 0.154 cannot reach p = .32 under a z-test of two independent estimates (p ≥ 0.54). The identical ES and p of "high tailoring" suggest the same cohorts, or a copied number.
- **Smeets 2006 arms: 61 + 58 + 53 + 50 = 222, not 223.**`,
    "i2.x": "I² from Q and df, Higgins (%)",
    "i2.y": "I² reported (%)",
  },
};
