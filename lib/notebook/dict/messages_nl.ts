/**
 * Dutch for the engines' generated sentences (see `../messages.ts` for the placeholder types).
 * Numbers are copied as the engines write them. Every entry is `[English template, Dutch]`; more
 * specific templates come before more general ones.
 * @module
 */

/** `[English template, Dutch template]` pairs, tried in order. */
export const MESSAGES_NL: readonly (readonly [string, string])[] = [
  // ---- lib/practice: benchmarkSummary
  [
    "Outcome: {outcome} ({unit:t}); case-mix model: {model:t} (random centre intercepts, τ² {tau2:n}; within-centre coefficients), n = {n:n}, {r2:t} = {r2v:n}",
    "Uitkomst: {outcome} ({unit}); case-mixmodel: {model} (random intercepts per centrum, τ² {tau2}; coëfficiënten binnen centra), n = {n}, {r2} = {r2v}",
  ],
  [
    "Outcome: {outcome} ({unit:t}); case-mix model: {model:t}, n = {n:n}, {r2:t} = {r2v:n}",
    "Uitkomst: {outcome} ({unit}); case-mixmodel: {model}, n = {n}, {r2} = {r2v}",
  ],
  ["Coefficients: {list}", "Coëfficiënten: {list}"],
  [
    "Overdispersion: φ = {phi:n} (χ² test {p}), τ² = {tau2:n} ({method}); limits: {od:t}",
    "Overdispersie: φ = {phi} (χ²-toets {p}), τ² = {tau2} ({method}); grenzen: {od}",
  ],
  [
    "Overdispersion: φ = {phi:n} (χ² test {p}), τ² = {tau2:n}; limits: {od:t}",
    "Overdispersie: φ = {phi} (χ²-toets {p}), τ² = {tau2}; grenzen: {od}",
  ],
  [
    "Between-centre variance (τ², REML): before case-mix adjustment {raw:n}, after {adjusted:n}; removed by case mix: {removed:m}",
    "Variantie tussen centra (τ², REML): vóór case-mixcorrectie {raw}, erna {adjusted}; weggenomen door case-mix: {removed}",
  ],
  [
    "Rankability ρ = τ² / (τ² + median se²) = {rho:n} ({reading:t}; van Dishoeck et al. 2011: < 0.5 poor, > 0.75 good)",
    "Rangschikbaarheid ρ = τ² / (τ² + mediane se²) = {rho} ({reading}; van Dishoeck e.a. 2011: < 0.5 zwak, > 0.75 goed)",
  ],
  [
    "not available (no between-centre variance before adjustment)",
    "niet beschikbaar (geen variantie tussen centra vóór de correctie)",
  ],
  ["not available (one dose for all centres)", "niet beschikbaar (één dosis voor alle centra)"],
  ["not available", "niet beschikbaar"],
  // ---- lib/practice: calibrationSummary
  [
    "{label:t}: ordinary centres flagged at 95%: {at95:m}; at 99.8%: {at998:m} ({reps:n} simulated registries of {k:n} centres of {min:n}-{max:n} patients per true SD, seed {seed:n}).",
    "{label}: gewone centra gemarkeerd bij 95%: {at95}; bij 99.8%: {at998} ({reps} gesimuleerde registers van {k} centra van {min}-{max} patiënten per ware SD, seed {seed}).",
  ],
  ["{pct:n} (true SD {sd:n})", "{pct} (ware SD {sd})"],
  [
    "Within 1.5 percentage points of 5% at every true SD",
    "Binnen 1.5 procentpunt van 5% bij elke ware SD",
  ],
  [
    "Not within 1.5 percentage points of 5% at every true SD",
    "Niet binnen 1.5 procentpunt van 5% bij elke ware SD",
  ],
  ["below 0.5% at 99.8% at every true SD.", "onder 0.5% bij 99.8% bij elke ware SD."],
  ["not below 0.5% at 99.8% at every true SD.", "niet onder 0.5% bij 99.8% bij elke ware SD."],
  ["{method}: not in this calibration table", "{method}: niet in deze kalibratietabel"],
  // ---- lib/practice: the sources of the registry's defaults (registryDefaultsTable)
  ["assumption: {text:m}", "aanname: {text}"],
  ["assumption, off by default (0): {text:m}", "aanname, standaard uit (0): {text}"],
  ["{n:n} centres offering IMSR for chronic pain", "{n} centra die IMSR bij chronische pijn aanbieden"],
  ["smallest centre {n:n} patients/year", "kleinste centrum {n} patiënten per jaar"],
  [
    "largest centre {n:n} patients/year (Breugelmans 2024: 2309 patients in 3 years over its centres)",
    "grootste centrum {n} patiënten per jaar (Breugelmans 2024: 2309 patiënten in 3 jaar over zijn centra)",
  ],
  [
    "1 year of registry data (the standard asks for at least yearly aggregation, Behandelkader 2025 ch. 4)",
    "1 jaar registerdata (de standaard vraagt minstens jaarlijkse aggregatie, Behandelkader 2025 hfst. 4)",
  ],
  [
    "mean share of admitted patients who are less complex (would have done well in primary care); VRA 2025 ch. 5 warns of over-broad inclusion",
    "gemiddeld aandeel opgenomen patiënten dat minder complex is (zou het in de eerste lijn goed gedaan hebben); VRA 2025 hfst. 5 waarschuwt voor te brede inclusie",
  ],
  [
    "Beta concentration of the centres' indication share (higher = more alike)",
    "Beta-concentratie van het indicatieaandeel van de centra (hoger = meer gelijk)",
  ],
  [
    "median contact hours per centre; seed: outpatient 2-3 sessions of 30-60 min, 2-3x/week for 10-12 weeks (~50-100 h), clinical 6 h/day for 5 weeks (~150 h)",
    "mediaan aantal contacturen per centrum; bron: poliklinisch 2-3 sessies van 30-60 min, 2-3x/week gedurende 10-12 weken (~50-100 u), klinisch 6 u/dag gedurende 5 weken (~150 u)",
  ],
  ["SD of log contact hours between centres", "SD van de log-contacturen tussen centra"],
  [
    "share of the seed review's contact-hour subgroup contrast (ES 0.658 / 0.614 / 0.388 for 0-48 / 49-130 / 131-274 h, a between-study comparison, VRA 2025 ch. 4c) applied as a causal dose effect; 1 = 0.63x the improvement above 130 h",
    "deel van het subgroepcontrast naar contacturen uit de review van de bron (ES 0.658 / 0.614 / 0.388 bij 0-48 / 49-130 / 131-274 u, een vergelijking tussen studies, VRA 2025 hfst. 4c) toegepast als causaal dosiseffect; 1 = 0.63x de verbetering boven 130 u",
  ],
  [
    "SD of true centre effects in PDI points (overdispersion)",
    "SD van de ware centrumeffecten in PDI-punten (overdispersie)",
  ],
  [
    "true shortfall in PDI points for the first `shortfallCentres` centres (negative = less improvement)",
    "waar tekort in PDI-punten voor de eerste `shortfallCentres` centra (negatief = minder verbetering)",
  ],
  [
    "number of centres with the true shortfall (diagnosis): the first ones, C01, C02, ...",
    "aantal centra met het ware tekort (diagnose): de eerste, C01, C02, ...",
  ],
  [
    "number of centres with an over-broad indication (diagnosis): the last ones",
    "aantal centra met een te brede indicatie (diagnose): de laatste",
  ],
  [
    "share of less complex patients admitted by an over-broad centre (diagnosis)",
    "aandeel minder complexe patiënten dat een te breed indicerend centrum opneemt (diagnose)",
  ],
  [
    "share of WPN 4 among end-of-the-line (WPN 3-4) patients",
    "aandeel WPN 4 onder patiënten aan het eind van de lijn (WPN 3-4)",
  ],
  [
    "PDI improvement at the 49-130 h reference dose: chosen so that with residual SD 12 and MCID 8.5, 59.8% are responders (8.5 + 12 x 0.249 = 11.5) (Breugelmans 2024: PDI ES -1.01, 59.8% responders on the MCID)",
    "PDI-verbetering bij de referentiedosis van 49-130 u: zo gekozen dat met een residuele SD van 12 en een MCID van 8.5 59.8% responder is (8.5 + 12 x 0.249 = 11.5) (Breugelmans 2024: PDI ES -1.01, 59.8% responders op de MCID)",
  ],
  ["SD of individual PDI change, {n:n} points", "SD van de individuele PDI-verandering, {n} punten"],
  [
    "PDI MCID {mcid:n} points ({source}; unverified: recalled, not yet checked against the paper)",
    "PDI-MCID {mcid} punten ({source}; niet geverifieerd: uit het geheugen, nog niet tegen het artikel gecontroleerd)",
  ],
  ["mean baseline PDI of WPN 3-4 patients (PDI 0-70)", "gemiddelde PDI bij aanvang van WPN 3-4-patiënten (PDI 0-70)"],
  ["mean baseline PDI of less complex patients", "gemiddelde PDI bij aanvang van minder complexe patiënten"],
  ["SD of baseline PDI", "SD van de PDI bij aanvang"],
  [
    "median pain duration 7 years (log-normal, sdlog 0.9): 65% have pain >= 5 years (Meesters 2016 / Volker 2017 in the VRA tables)",
    "mediane pijnduur 7 jaar (lognormaal, sdlog 0.9): 65% heeft >= 5 jaar pijn (Meesters 2016 / Volker 2017 in de tabellen van de VRA)",
  ],
  [
    "median pain duration {n:n} years for less complex patients",
    "mediane pijnduur {n} jaar bij minder complexe patiënten",
  ],
  [
    "16% in paid work >= 25 h at baseline (Volker 2017 in the VRA tables)",
    "16% in betaald werk >= 25 u bij aanvang (Volker 2017 in de tabellen van de VRA)",
  ],
  ["{pct:n} in paid work among less complex patients", "{pct} in betaald werk onder minder complexe patiënten"],
  [
    "extra PDI change of a less complex patient beyond the case-mix prediction (0 = the case-mix model captures them)",
    "extra PDI-verandering van een minder complexe patiënt bovenop de case-mixvoorspelling (0 = het case-mixmodel vangt die)",
  ],
  [
    "{b:n} PDI points more improvement per point of baseline PDI above {x:n}",
    "{b} PDI-punten meer verbetering per punt PDI bij aanvang boven {x}",
  ],
  [
    "{b:n} point per log-year of pain duration above {x:n} years",
    "{b} punt per log-jaar pijnduur boven {x} jaar",
  ],
  ["{b:n} points when in paid work", "{b} punten bij betaald werk"],
  ["{b:n} point for WPN 4", "{b} punt bij WPN 4"],
  [
    "personalised PROM (PSC, VAS 0-100, baseline mean 73 SD 15 as in Smeets 2006 per data/instruments.csv) effect size {es:n} (Breugelmans 2024: PSC -1.59/-1.40/-1.33)",
    "gepersonaliseerde PROM (PSC, VAS 0-100, gemiddelde bij aanvang 73, SD 15 zoals in Smeets 2006 volgens data/instruments.csv) effectgrootte {es} (Breugelmans 2024: PSC -1.59/-1.40/-1.33)",
  ],
  // ---- lib/practice: diagnosisTable
  ["shortfall centre flagged low, {lv:n}", "centrum met tekort laag gemarkeerd, {lv}"],
  ["other centre flagged (either side), {lv:n}", "ander centrum gemarkeerd (naar beide kanten), {lv}"],
  ["over-broad centre flagged low on outcome, {lv:n}", "te breed indicerend centrum laag gemarkeerd op uitkomst, {lv}"],
  [
    "over-broad centre flagged high on indication, {lv:n}",
    "te breed indicerend centrum hoog gemarkeerd op indicatie, {lv}",
  ],
  [
    "between-centre variance removed by case mix (ratio of mean variances)",
    "variantie tussen centra weggenomen door case-mix (verhouding van de gemiddelde varianties)",
  ],
  [
    "dose-severity correlation (centre level, mean over replications)",
    "correlatie dosis-ernst (op centrumniveau, gemiddeld over replicaties)",
  ],
  // ---- lib/practice: funnel flags ("high (95%)")
  ["{direction:t} ({level:n})", "{direction} ({level})"],
  // ---- lib/io: the CSV dialect
  [
    "separator {sep} and decimal comma (as Dutch Excel saves CSV)",
    "scheidingsteken {sep} en decimale komma (zoals Nederlandstalige Excel CSV opslaat)",
  ],
  ["separator {sep} and decimal point", "scheidingsteken {sep} en decimale punt"],
  // ---- lib/sced: tests, intervals, models, warnings
  [
    "exact p = #(stat >= observed - tol) / #assignments (observed included)",
    "exacte p = #(statistiek >= waargenomen - tol) / #toewijzingen (waargenomen meegeteld)",
  ],
  [
    "Monte Carlo p = (k + 1) / (M + 1), k = #draws with stat >= observed - tol",
    "Monte-Carlo-p = (k + 1) / (M + 1), k = #trekkingen met statistiek >= waargenomen - tol",
  ],
  [
    "MBD (Marascuilo–Busk) over {k:n} cases, limit {limit:n}",
    "MBD (Marascuilo–Busk) over {k} casussen, limiet {limit}",
  ],
  ["{phases}, limit {limit:n}", "{phases}, limiet {limit}"],
  [
    "SEs and CIs assume independent measurements within each phase (as in SingleCaseES); with positive autocorrelation they are too small and the intervals too narrow. Within-case SMDs use the within-person SD and are not on the scale of a between-group SMD (use g_AB for that).",
    "SE's en BI's veronderstellen onafhankelijke metingen binnen elke fase (zoals in SingleCaseES); bij positieve autocorrelatie zijn ze te klein en de intervallen te smal. SMD's binnen een casus gebruiken de SD binnen de persoon en staan niet op de schaal van een SMD tussen groepen (gebruik daarvoor g_AB).",
  ],
  ["{design:t}, REML", "{design}, REML"],
  ["level change with random case intercepts", "niveauverandering met random intercepts per casus"],
  [
    "baseline trend and trend change with random case intercepts and slopes, effect at B - A = {d:n} sessions into treatment (A = {a:n}, B = {b:n})",
    "trend in de baseline en trendverandering met random intercepts en hellingen per casus, effect op B - A = {d} sessies na de start van de behandeling (A = {a}, B = {b})",
  ],
  ["AR(1) errors (phi = {phi:n})", "AR(1)-fouten (phi = {phi})"],
  ["MA(1) errors (theta = {theta:n})", "MA(1)-fouten (theta = {theta})"],
  ["independent errors", "onafhankelijke fouten"],
  ["{n:n} rows of phases other than {a} and {b} left out", "{n} rijen van andere fasen dan {a} en {b} weggelaten"],
  ["Fisher scoring did not converge in {n:n} iterations", "Fisher scoring convergeerde niet in {n} iteraties"],
  [
    "the maximum is on the boundary of the parameter space (a variance near 0 or a random-effect correlation near ±1): the model is over-parameterised for these data, and ν and the SEs are less reliable",
    "het maximum ligt op de rand van de parameterruimte (een variantie bijna 0 of een correlatie tussen random effecten bijna ±1): het model heeft te veel parameters voor deze data, en ν en de SE's zijn minder betrouwbaar",
  ],
  ["{name} is at the boundary (about 0)", "{name} ligt op de rand (ongeveer 0)"],
  [
    "pvals[{i:n}] is 1, where Stouffer's z = qnorm(1 - p) is -Infinity and would make the combined p 1 whatever the other p-values are; use edgington (SCMA's default) or fisher, which accept p = 1, got {got:n}",
    "pvals[{i}] is 1, waar Stouffers z = qnorm(1 - p) -Infinity is en de gecombineerde p 1 zou maken wat de andere p-waarden ook zijn; gebruik edgington (de standaard van SCMA) of fisher, die p = 1 aannemen, gekregen {got}",
  ],
  [
    "{design}: a single study ({study}), shown without pooling",
    "{design}: één studie ({study}), getoond zonder poolen",
  ],
  // ---- lib/design: the certainty readout
  ["randomised between patients: starts high", "gerandomiseerd tussen patiënten: start hoog"],
  [
    "randomised start times within patients, no randomised between-patient comparison: starts low (a convention of this heuristic; an N-of-1 view would start higher)",
    "gerandomiseerde starttijden binnen patiënten, geen gerandomiseerde vergelijking tussen patiënten: start laag (een afspraak van deze vuistregel; vanuit N-of-1 gezien zou de start hoger zijn)",
  ],
  ["no randomised comparison: starts low", "geen gerandomiseerde vergelijking: start laag"],
  ["no estimate in any replication", "in geen enkele replicatie een schatting"],
  ["a design that gives estimates", "een opzet die schattingen geeft"],
  [
    "simulated bias {bias:n} ± {mcse:n} (MCSE) against an MCID of {mcid:n}: {pct:n}% of the MCID (thresholds 25% and 50%)",
    "gesimuleerde vertekening {bias} ± {mcse} (MCSE) tegenover een MCID van {mcid}: {pct}% van de MCID (drempels 25% en 50%)",
  ],
  [
    "serious once |bias| reaches {x:n} (more natural course, expectation, regression to the mean or dropout)",
    "ernstig zodra |vertekening| {x} bereikt (meer natuurlijk beloop, verwachting, regressie naar het gemiddelde of uitval)",
  ],
  [
    "no serious once |bias| falls below {x:n} (a comparator that shares the bias, or a scenario with less of it)",
    "geen ernstige zodra |vertekening| onder {x} zakt (een vergelijking die de vertekening deelt, of een scenario met minder ervan)",
  ],
  [
    "the answer strategy gives no interval in any replication (one case?)",
    "de analysestrategie geeft in geen enkele replicatie een interval (één casus?)",
  ],
  [
    "at least two cases or participants, so that an interval exists",
    "minstens twee casussen of deelnemers, zodat er een interval is",
  ],
  [
    "mean CI width {w:n} {op} MCID {mcid:n}; n = {n:n} {op2} optimal information size {ois:n}",
    "gemiddelde BI-breedte {w} {op} MCID {mcid}; n = {n} {op2} optimale informatiegrootte {ois}",
  ],
  [
    "{ci:m} and {n:m} would make it no serious; one failing makes it serious, both very serious",
    "{ci} en {n} zouden het geen ernstige maken; één die faalt maakt het ernstig, beide zeer ernstig",
  ],
  ["a CI narrower than the MCID", "een BI smaller dan de MCID"],
  ["the CI stays narrower than the MCID", "het BI blijft smaller dan de MCID"],
  ["n stays >= {n:n}", "n blijft >= {n}"],
  ["comparator {a:t} instead of {b:t}", "vergelijking {a} in plaats van {b}"],
  ["outcome {a:t} instead of {b:t}", "uitkomst {a} in plaats van {b}"],
  [
    "{pct:n}% of patients not at the end of the line (> {threshold:n}%)",
    "{pct}% van de patiënten niet aan het eind van de lijn (> {threshold}%)",
  ],
  [
    "comparator, population and outcome match the question ({c:t}, {i:t}; {pct:n}% not at the end of the line)",
    "vergelijking, populatie en uitkomst passen bij de vraag ({c}, {i}; {pct}% niet aan het eind van de lijn)",
  ],
  [
    "a different question (comparator or outcome) or a population with more patients not at the end of the line",
    "een andere vraag (vergelijking of uitkomst) of een populatie met meer patiënten die niet aan het eind van de lijn zijn",
  ],
  [
    "a design with the question's comparator and outcome in end-of-the-line patients",
    "een opzet met de vergelijking en uitkomst van de vraag bij patiënten aan het eind van de lijn",
  ],
  [
    "between-study SD of the true effect {tau:n} points against an MCID of {mcid:n}",
    "SD tussen studies van het ware effect {tau} punten tegenover een MCID van {mcid}",
  ],
  [
    "serious from τ = {a:n}, very serious from τ = {b:n} points",
    "ernstig vanaf τ = {a}, zeer ernstig vanaf τ = {b} punten",
  ],
  [
    "one study: inconsistency between studies cannot be judged",
    "één studie: inconsistentie tussen studies is niet te beoordelen",
  ],
  ["a meta-analysis design (several studies)", "een meta-analyse als opzet (meerdere studies)"],
  // ---- lib/design: the source of an instrument's MCID (data/instruments.csv)
  [
    "{cite} (data/instruments.csv; behandelkader line {line:n})",
    "{cite} (data/instruments.csv; behandelkader regel {line})",
  ],
  // ---- lib/design: agreement between scenarios
  [
    "{design}: the scenarios agree (certainty {level:t}, risk of bias {rob:t})",
    "{design}: de scenario's komen overeen (zekerheid {level}, risico op vertekening {rob})",
  ],
  ["{design}: the conclusion flips — {flips:m}", "{design}: de conclusie slaat om — {flips}"],
  ["certainty {list:m}", "zekerheid {list}"],
  ["risk of bias {list:m}", "risico op vertekening {list}"],
  ["usually significant {list:m}", "meestal significant {list}"],
  ["{value:t} ({scenario:t})", "{value} ({scenario})"],
  // ---- lib/design: diagnosis warnings
  [
    "{failed:n} of {reps:n} replications gave no estimate (diagnosands use the other {ok:n})",
    "{failed} van {reps} replicaties gaven geen schatting (de diagnosands gebruiken de andere {ok})",
  ],
  [
    "only {reps:n} replications: run at least {min:n} before trusting the diagnosands",
    "maar {reps} replicaties: draai er minstens {min} voordat u de diagnosands vertrouwt",
  ],
  [
    "Monte Carlo SE of {what:t} is {x:n} (> 0.01): run more replications",
    "Monte-Carlo-SE van {what} is {x} (> 0.01): draai meer replicaties",
  ],
  // ---- lib/meta: analyseStudies warnings (after the tool's prefix)
  [
    "There are outcomes with non-positive sampling variances (vi = 0 in {where:m}).",
    "Er zijn uitkomsten met niet-positieve steekproefvarianties (vi = 0 in {where}).",
  ],
  ["row {r:n}", "rij {r}"],
  // (before "rows {list}": the pair of rows sharing an obs id of rma.mv)
  ["rows {a:n} and {b:n} (cluster {cluster}, obs {obs})", "rijen {a} en {b} (cluster {cluster}, obs {obs})"],
  ["rows {list}", "rijen {list}"],
  [
    "Cannot compute {q}-test, I^2, or H^2 when there are non-positive sampling variances in the data (QE, QEp, I2 and H2 are NA, as metafor).",
    "De {q}-toets, I^2 en H^2 zijn niet te berekenen als de data niet-positieve steekproefvarianties hebben (QE, QEp, I2 en H2 zijn NA, zoals in metafor).",
  ],
  [
    "every vi is 0, so QE, QEp, I2 and H2 are NA (null), as metafor reports them.",
    "elke vi is 0, dus QE, QEp, I2 en H2 zijn NA (null), zoals metafor ze rapporteert.",
  ],
  [
    "measure {measure} not used: {name} gives yi and vi (effect sizes computed elsewhere)",
    "maat {measure} niet gebruikt: {name} geeft yi en vi (effectgroottes elders berekend)",
  ],
  [
    "1 study with a missing {column} omitted from model fitting: {rows:m}",
    "1 studie met een ontbrekende {column} weggelaten bij het schatten van het model: {rows}",
  ],
  [
    "{n:n} studies with a missing {column} omitted from model fitting: {rows:m}",
    "{n} studies met een ontbrekende {column} weggelaten bij het schatten van het model: {rows}",
  ],
  ["row {r:n} ({label})", "rij {r} ({label})"],
  ["Q-profile CI for tau2 not computed: {error}", "Q-profiel-BI voor tau2 niet berekend: {error}"],
  ["{what} not computed: {error}", "{what} niet berekend: {error}"],
  ["the optimiser did not converge in {n:n} iterations", "de optimalisatie convergeerde niet in {n} iteraties"],
  ["a variance component is estimated at 0 (boundary)", "een variantiecomponent is op 0 geschat (rand)"],
  [
    "ties in the data; the p-value uses the normal approximation (as R's cor.test)",
    "gelijke waarden in de data; de p-waarde gebruikt de normale benadering (zoals cor.test in R)",
  ],
  [
    "R2 is NA: the model without moderators stops ({error})",
    "R2 is NA: het model zonder moderatoren stopt ({error})",
  ],
  // ---- lib/meta: dependent effects (the multilevel notebook: rma.mv, CHE, CR2, the inventory)
  ["meta: {text:m}", "meta: {text}"],
  ["every effect size independent (rma)", "elke effectgrootte onafhankelijk (rma)"],
  ["effect sizes within studies ({random})", "effectgroottes binnen studies ({random})"],
  ["CHE: V with rho = {rho:n}, {random}", "CHE: V met rho = {rho}, {random}"],
  [
    "cluster-robust CR2 (clubSandwich), Satterthwaite df, {n:n} clusters",
    "clusterrobuuste CR2 (clubSandwich), Satterthwaite-df, {n} clusters",
  ],
  [
    "effect sizes share an obs id within a cluster: {list:m}; they are treated as the same observation (one random effect, sampling correlation 1 in V), as metafor does — give each effect size its own id if they are different outcomes",
    "effectgroottes delen een obs-id binnen een cluster: {list}; ze worden als dezelfde waarneming behandeld (één random effect, steekproefcorrelatie 1 in V), zoals metafor doet — geef elke effectgrootte een eigen id als het verschillende uitkomsten zijn",
  ],
  [
    "effect sizes share an obs id within a cluster: {list:m}; they are treated as the same observation (one random effect), as metafor does — give each effect size its own id if they are different outcomes",
    "effectgroottes delen een obs-id binnen een cluster: {list}; ze worden als dezelfde waarneming behandeld (één random effect), zoals metafor doet — geef elke effectgrootte een eigen id als het verschillende uitkomsten zijn",
  ],
  [
    "{scale:m}: only {k:n} study ({study}) reports CIs — studies {studies}",
    "{scale}: slechts {k} studie ({study}) rapporteert BI's — studies {studies}",
  ],
  [
    "{scale:m}: no effect size has a 95% CI (no sampling variance) — studies {studies}",
    "{scale}: geen enkele effectgrootte heeft een 95%-BI (geen steekproefvariantie) — studies {studies}",
  ],
  ["md ({instrument:t})", "md ({instrument})"],
  // ---- lib/evidence + lib/responders: the responders notebook (Leeuw 2008, implied rates, pooling)
  [
    "Group sizes {nExp:n} EXP / {nGa:n} GA are an assumption (assumptions.csv): the seed gives only the total of {total:n}. The numbers of responders are reconstructed from the printed percentages.",
    "Groepsgroottes {nExp} EXP / {nGa} GA zijn een aanname (assumptions.csv): het bezwaar geeft alleen het totaal van {total}. De aantallen responders zijn gereconstrueerd uit de gedrukte percentages.",
  ],
  [
    "Group sizes {nExp:n} EXP / {nGa:n} GA are chosen by the user: the seed gives only the total of {total:n}. The numbers of responders are reconstructed from the printed percentages.",
    "Groepsgroottes {nExp} EXP / {nGa} GA zijn door de gebruiker gekozen: het bezwaar geeft alleen het totaal van {total}. De aantallen responders zijn gereconstrueerd uit de gedrukte percentages.",
  ],
  [
    "No split of the {total:n} patients makes all four percentages whole numbers of patients: they refer to other denominators (drop-out, completers) or one of them is misprinted.",
    "Geen enkele verdeling van de {total} patiënten maakt van alle vier percentages gehele aantallen patiënten: ze hebben betrekking op andere noemers (uitval, completers) of een ervan is verkeerd gedrukt.",
  ],
  [
    "Splits of {total:n} under which all four percentages are whole numbers: {list}.",
    "Verdelingen van {total} waarbij alle vier percentages gehele aantallen zijn: {list}.",
  ],
  [
    "{label:m}: {pct:n}% of {n:n} is not a whole number of patients; {x:n}/{d:n} = {used:n}% is used",
    "{label}: {pct}% van {n} is geen geheel aantal patiënten; gebruikt wordt {x}/{d} = {used}%",
  ],
  ["EXP {time:t}", "EXP {time}"],
  ["GA {time:t}", "GA {time}"],
  [
    "nExp + nGa must be <= the {total:n} patients randomised, got {got:n}",
    "nExp + nGa moet <= de {total} gerandomiseerde patiënten zijn, gekregen {got}",
  ],
  // NNT (Altman 1998): a split interval runs through infinity, so its ends may be "∞"
  [
    "NNT({d:t}) {nnt} ({level:n}% CI NNT(benefit) {b} to ∞ to NNT(harm) {h})",
    "NNT({d}) {nnt} ({level}%-BI NNT(baat) {b} tot ∞ tot NNT(schade) {h})",
  ],
  ["NNT({d:t}) {nnt:n} ({level:n}% CI {lb:n} to {ub:n})", "NNT({d}) {nnt} ({level}%-BI {lb} tot {ub})"],
  // the seed's responder rates shown side by side with their effect sizes, and the pooled cohorts
  ["Breugelmans {outcome:t} {time:t}", "Breugelmans {outcome} {time}"],
  ["Volker {outcome:t} {time:t}", "Volker {outcome} {time}"],
  ["Nicholas {outcome:t} {time:t}", "Nicholas {outcome} {time}"],
  ["Volker 2017 {outcome:t} {time:t}", "Volker 2017 {outcome} {time}"],
  ["Meesters 2016 {outcome:t}", "Meesters 2016 {outcome}"],
  ["Nicholas 2012 {outcome:t}", "Nicholas 2012 {outcome}"],
  [
    "same {n:n} patients as {study} (the audit's same-cohort check): pooling both would count them twice",
    "dezelfde {n} patiënten als {study} (de controle op hetzelfde cohort): beide poolen zou hen dubbel tellen",
  ],
  // ---- lib/evidence audit (the audit notebook): findings' messages over the seed tables
  [
    "estimate {v:n} lies outside its interval {lb:n} to {ub:n}",
    "schatting {v} ligt buiten haar interval {lb} tot {ub}",
  ],
  [
    "midpoint of the interval ({mid:n}) differs from the estimate {est:n} by {d:n} (rounding allows {tol:n})",
    "midden van het interval ({mid}) wijkt {d} af van de schatting {est} (afronding laat {tol} toe)",
  ],
  [
    "reported p {op} {p:n} for the difference, but the subgroups' estimates and p-values allow only p between {a:n} and {b:n} under an independent z-test",
    "gerapporteerde p {op} {p} voor het verschil, maar de schattingen en p-waarden van de subgroepen laten onder een z-toets voor onafhankelijke groepen alleen p tussen {a} en {b} toe",
  ],
  [
    "reported p {op} {p:n} but the estimate and CI imply p between {a:n} and {b:n}",
    "gerapporteerde p {op} {p}, maar schatting en BI impliceren p tussen {a} en {b}",
  ],
  ["text extraction corrected: '{raw}'", "tekstextractie gecorrigeerd: '{raw}'"],
  [
    "{pct:n} of {n:n} is not a whole number of people (nearest: {k:n}/{n2:n} = {q:n})",
    "{pct} van {n} is geen geheel aantal personen (dichtstbij: {k}/{n2} = {q})",
  ],
  [
    "{pct:n} is not a whole number of the {a:n} who completed EXP or the {b:n} with 6-month MRI data; it is of the {c:n} enrolled ({c1:n}/{c2:n}) and of the {d:n} with 6-month follow-up ({d1:n}/{d2:n})",
    "{pct} is geen geheel aantal van de {a} die EXP afrondden of van de {b} met MRI-gegevens na 6 maanden; het is wel een geheel aantal van de {c} geïncludeerden ({c1}/{c2}) en van de {d} met follow-up na 6 maanden ({d1}/{d2})",
  ],
  ["{label:m}: parts add up to {s:n}, not {t:n}", "{label}: de delen tellen op tot {s}, niet tot {t}"],
  [
    "Smeets 2006: arm sizes CT + CBT + APT + WLC vs {n:n} patients",
    "Smeets 2006: armgroottes CT + CBT + APT + WLC tegen {n} patiënten",
  ],
  ["{t:n}c text: positive + no effect (pre-post)", "tekst {t}c: positief + geen effect (voor-na)"],
  [
    "Meesters 2016 and Volker 2017 (same cohort of {n:n}): pre-post n: {a:n} vs {b:n}",
    "Meesters 2016 en Volker 2017 (hetzelfde cohort van {n}): n voor-na: {a} tegen {b}",
  ],
  ["df = {df:n} but N = {k:n} cohorts gives df = {d:n}", "df = {df}, maar N = {k} cohorten geeft df = {d}"],
  [
    "{domain:t}, {period:t}, {k:t}: standardised effect {v:n} is impossible in practice",
    "{domain}, {period}, {k}: een gestandaardiseerd effect van {v} is in de praktijk onmogelijk",
  ],
  [
    "{domain:t}, {period:t}, {k:t}: standardised effect {v:n} is implausibly large",
    "{domain}, {period}, {k}: een gestandaardiseerd effect van {v} is onwaarschijnlijk groot",
  ],
  [
    "I² = {i2:n} but Q and df give {h:n}; a printed {i2b:n} needs I² >= {b:n}",
    "I² = {i2}, maar Q en df geven {h}; een gedrukte {i2b} vereist I² >= {b}",
  ],
  [
    "reported I² = {a:n} differs from Higgins' (Q - df)/Q = {b:n} by {d:n} points",
    "gerapporteerde I² = {a} wijkt {d} procentpunt af van Higgins' (Q - df)/Q = {b}",
  ],
  [
    "legend reads '{legend}': the inequality points the wrong way",
    "de legenda luidt '{legend}': het ongelijkheidsteken wijst de verkeerde kant op",
  ],
  [
    "different groups ({groups}) report identical numbers ({nums})",
    "verschillende groepen ({groups}) rapporteren identieke getallen ({nums})",
  ],
  // ---- lib/evidence audit: the findings' explanations
  [
    "{base:m} The denominator ({id} = {n:n}) is the audit's reading: {reason:m}",
    "{base} De noemer ({id} = {n}) is de lezing van de audit: {reason}",
  ],
  [
    "A percentage of n people can only take the values 0/n, 1/n, 2/n, ...; this one cannot, so the percentage or the denominator is wrong.",
    "Een percentage van n personen kan alleen de waarden 0/n, 1/n, 2/n, ... aannemen; dit percentage niet, dus het percentage of de noemer is fout.",
  ],
  [
    "all {n:n} patients; characteristics with missing answers would have a smaller denominator.",
    "alle {n} patiënten; kenmerken met ontbrekende antwoorden zouden een kleinere noemer hebben.",
  ],
  ["the {n:n} patients with pre-post data.", "de {n} patiënten met voor-na-gegevens."],
  ["all {n:n} patients.", "alle {n} patiënten."],
  ["the {n:n} patients seen at {m:n} months.", "de {n} patiënten gezien na {m} maanden."],
  [
    "The interval and the p-value lead to opposite conclusions about significance at 5%; one of them is misprinted.",
    "Het interval en de p-waarde leiden tot tegengestelde conclusies over significantie bij 5%; een van beide is verkeerd gedrukt.",
  ],
  [
    "The interval and the p-value do not agree even allowing for rounding; they may come from different analyses.",
    "Het interval en de p-waarde komen ook met afronding niet overeen; ze komen mogelijk uit verschillende analyses.",
  ],
  [
    "The text extracted from the PDF reads '{raw}'; the data hold the corrected value. {note:m}",
    "De uit de pdf gehaalde tekst luidt '{raw}'; de data bevatten de gecorrigeerde waarde. {note}",
  ],
  [
    "'{a}' is an extraction artefact for '{b}' (minus printed as {two:n}) and '{c}' for '{d}'",
    "'{a}' is een extractiefout voor '{b}' (min gedrukt als {two}) en '{c}' voor '{d}'",
  ],
  [
    "'{a}' is an extraction artefact for '{b}' (eligibility: PHODA mean score >= {n:n})",
    "'{a}' is een extractiefout voor '{b}' (inclusiecriterium: gemiddelde PHODA-score >= {n})",
  ],
  ["'{a}' is an extraction artefact for '{b}'", "'{a}' is een extractiefout voor '{b}'"],
  ["'{a}' read as '{b}'", "'{a}' gelezen als '{b}'"],
  [
    "the minus sign of the lower limit is missing in the seed ('{a:n}'); a lower limit of +{b:n} would lie above the estimate and the upper limit; {c:n} makes the interval symmetric around {d:n}",
    "het minteken van de ondergrens ontbreekt in de brontekst ('{a}'); een ondergrens van +{b} zou boven de schatting en de bovengrens liggen; met {c} is het interval symmetrisch rond {d}",
  ],
  [
    "The denominator of the {pct:n} is not stated. It cannot be the {a:n} who completed EXP ({a1:n}/{a2:n} = {ap:n}, {a3:n}/{a4:n} = {aq:n}); It cannot be the {b:n} with 6-month MRI data ({b1:n}/{b2:n} = {bp:n}, {b3:n}/{b4:n} = {bq:n}). Several printed numbers give exactly {pct2:n} ({c1:n}/{c2:n} enrolled, {d1:n}/{d2:n} with 6-month follow-up; e.g. an intention-to-treat count with non-completers as non-responders would use all enrolled), so the percentage alone does not tell which denominator was used.",
    "De noemer van de {pct} wordt niet vermeld. Het kunnen niet de {a} zijn die EXP afrondden ({a1}/{a2} = {ap}, {a3}/{a4} = {aq}); het kunnen niet de {b} met MRI-gegevens na 6 maanden zijn ({b1}/{b2} = {bp}, {b3}/{b4} = {bq}). Meerdere gedrukte aantallen geven precies {pct2} ({c1}/{c2} geïncludeerd, {d1}/{d2} met follow-up na 6 maanden; een intention-to-treatanalyse die wie niet afrondde als non-responder telt, zou bijvoorbeeld alle geïncludeerden gebruiken), dus het percentage alleen zegt niet welke noemer gebruikt is.",
  ],
  [
    "A 95% CI of a mean difference is the estimate plus and minus the same margin; here the margins are {a:n} and {b:n}, so one limit (or the estimate) is misprinted.",
    "Een 95%-BI van een gemiddeld verschil is de schatting plus en min dezelfde marge; hier zijn de marges {a} en {b}, dus één grens (of de schatting) is verkeerd gedrukt.",
  ],
  [
    "A 95% CI of a mean difference is the estimate plus and minus the same margin; the small asymmetry is more than rounding alone explains.",
    "Een 95%-BI van een gemiddeld verschil is de schatting plus en min dezelfde marge; de kleine asymmetrie is groter dan afronding alleen verklaart.",
  ],
  [
    "The four arms should add up to the {n:n} patients in the study; they add up to {s:n}. One patient may have been excluded after randomisation, but the table does not say so. (The three active arms, {a:n}, do match Smeets {y:n}.)",
    "De vier armen zouden moeten optellen tot de {n} patiënten van de studie; ze tellen op tot {s}. Mogelijk is één patiënt na randomisatie uitgesloten, maar de tabel vermeldt dat niet. (De drie actieve armen, {a}, komen wel overeen met Smeets {y}.)",
  ],
  [
    "{pos:n} positive and {none:n} without effect leave {rest:n} unaccounted for; that would be the share of significantly adverse pre-post SMCs (about {k:n} of {n:n}), which the text does not state.",
    "{pos} positief en {none} zonder effect laten {rest} onverklaard; dat zou het aandeel significant ongunstige voor-na-SMC's zijn (ongeveer {k} van {n}), wat de tekst niet vermeldt.",
  ],
  [
    "Both papers describe the same {n:n} patients, yet report {a:n} and {b:n} patients with pre-post data. Different definitions of completeness (per outcome) can explain it; the table does not say.",
    "Beide artikelen beschrijven dezelfde {n} patiënten, maar rapporteren {a} en {b} patiënten met voor-na-gegevens. Verschillende definities van volledigheid (per uitkomst) kunnen dat verklaren; de tabel zegt het niet.",
  ],
  [
    "The heterogeneity test over N cohorts has N − 1 degrees of freedom; either N or df is misprinted.",
    "De heterogeniteitstoets over N cohorten heeft N − 1 vrijheidsgraden; N of df is verkeerd gedrukt.",
  ],
  [
    "A standardised mean change expresses change in standard deviations; real treatment effects are rarely above 2-3. A value in the hundreds or thousands means a raw score, a variance or a near-zero SD was used; it should not be in a summary of SMCs.",
    "Een gestandaardiseerde gemiddelde verandering drukt verandering uit in standaarddeviaties; echte behandeleffecten liggen zelden boven 2-3. Een waarde in de honderden of duizenden betekent dat een ruwe score, een variantie of een SD van bijna nul is gebruikt; die hoort niet in een samenvatting van SMC's.",
  ],
  [
    "Standardised effects above 5 standard deviations almost never occur in rehabilitation trials and cohorts; check the original study (a very small SD or an error).",
    "Gestandaardiseerde effecten boven 5 standaarddeviaties komen in revalidatiestudies en -cohorten vrijwel nooit voor; controleer de oorspronkelijke studie (een zeer kleine SD of een fout).",
  ],
  [
    "Computed from Q and df, I² is {h:n}, which would not print as {p:n}. A printed {p2:n} ({d:n} decimals) needs only I² >= {b:n}, i.e. a τ²-based I² = τ²/(τ² + s²) with a between-cohort variance τ² of at least {r:n} times the typical within-cohort variance s². That is possible with a τ²-based I² (e.g. REML) when a few cohorts have extreme effect sizes, so it is not a contradiction by itself; together with implausibly large effect sizes in the same row it points to extreme or erroneous values among the pooled cohorts.",
    "Berekend uit Q en df is I² {h}, wat niet als {p} gedrukt zou worden. Een gedrukte {p2} ({d} decimalen) vereist alleen I² >= {b}, dat wil zeggen een op τ² gebaseerde I² = τ²/(τ² + s²) met een variantie tussen cohorten τ² van minstens {r} maal de gebruikelijke variantie binnen cohorten s². Dat kan met een op τ² gebaseerde I² (bijv. REML) als enkele cohorten extreme effectgroottes hebben, dus het is op zich geen tegenspraak; samen met onwaarschijnlijk grote effectgroottes in dezelfde rij wijst het op extreme of foute waarden onder de gepoolde cohorten.",
  ],
  [
    "The reported I² is higher than the Q-based value. That is compatible with a τ²-based I² from an estimator other than DerSimonian–Laird (e.g. REML, metafor's default); it is not the textbook Higgins formula.",
    "De gerapporteerde I² is hoger dan de op Q gebaseerde waarde. Dat past bij een op τ² gebaseerde I² met een andere schatter dan DerSimonian–Laird (bijv. REML, de standaard van metafor); het is niet de Higgins-formule uit het leerboek.",
  ],
  [
    "The reported I² is far above the value implied by Q and df. A τ²-based I² (e.g. with REML) can differ from the Q-based one in either direction, but a gap this large means the two numbers describe different models or one is misprinted.",
    "De gerapporteerde I² ligt ver boven de waarde die uit Q en df volgt. Een op τ² gebaseerde I² (bijv. met REML) kan in beide richtingen van de op Q gebaseerde afwijken, maar een zo groot verschil betekent dat de twee getallen verschillende modellen beschrijven of dat er een verkeerd gedrukt is.",
  ],
  [
    "The reported I² is lower than the Q-based value, by a wide margin. A τ²-based I² = τ²/(τ² + s²) (metafor's default with REML or ML) can legitimately be far below (Q - df)/Q, down to 0 when the estimated τ² is 0: Q is dominated by the most precise cohorts, while REML estimates τ² from all of them. So this is compatible with a τ²-based I² and is not by itself a misprint; the review should say which I² it reports.",
    "De gerapporteerde I² is lager dan de op Q gebaseerde waarde, met ruime marge. Een op τ² gebaseerde I² = τ²/(τ² + s²) (de standaard van metafor met REML of ML) kan terecht ver onder (Q - df)/Q liggen, tot 0 als de geschatte τ² 0 is: Q wordt bepaald door de nauwkeurigste cohorten, terwijl REML τ² uit alle cohorten schat. Dit past dus bij een op τ² gebaseerde I² en is op zich geen drukfout; de review zou moeten zeggen welke I² ze rapporteert.",
  ],
  [
    "The reported I² is lower than the Q-based value. A τ²-based I² = τ²/(τ² + s²) (metafor's default with REML or ML) can legitimately be far below (Q - df)/Q, down to 0 when the estimated τ² is 0: Q is dominated by the most precise cohorts, while REML estimates τ² from all of them. So this is compatible with a τ²-based I² and is not by itself a misprint; the review should say which I² it reports.",
    "De gerapporteerde I² is lager dan de op Q gebaseerde waarde. Een op τ² gebaseerde I² = τ²/(τ² + s²) (de standaard van metafor met REML of ML) kan terecht ver onder (Q - df)/Q liggen, tot 0 als de geschatte τ² 0 is: Q wordt bepaald door de nauwkeurigste cohorten, terwijl REML τ² uit alle cohorten schat. Dit past dus bij een op τ² gebaseerde I² en is op zich geen drukfout; de review zou moeten zeggen welke I² ze rapporteert.",
  ],
  [
    "Stars mark small p-values (p < .05, < .01, < .001). Read literally, '***p > .001' would mean the starred tests are the least significant; the legend must be read with '<'.",
    "Sterren markeren kleine p-waarden (p < .05, < .01, < .001). Letterlijk gelezen zou '***p > .001' betekenen dat de toetsen met sterren het minst significant zijn; de legenda moet met '<' gelezen worden.",
  ],
  [
    "Each subgroup's p-value tells how precise its estimate is. Here the less precise subgroup alone makes the difference too uncertain for the reported p; the reported test cannot be a simple comparison of the two independent subgroup estimates.",
    "De p-waarde van elke subgroep zegt hoe nauwkeurig haar schatting is. Hier maakt de minst nauwkeurige subgroep alleen het verschil al te onzeker voor de gerapporteerde p; de gerapporteerde toets kan geen eenvoudige vergelijking van de twee onafhankelijke subgroepschattingen zijn.",
  ],
  [
    "Different groups rarely give exactly the same estimate and p-value; either the same studies make up both groups or a number was copied into the wrong place.",
    "Verschillende groepen geven zelden precies dezelfde schatting en p-waarde; ofwel bestaan beide groepen uit dezelfde studies, ofwel is een getal op de verkeerde plaats overgenomen.",
  ],
  // ---- lib/evidence views (the evidence-tables notebook): contrasts, reported rates, dose arithmetic
  ["{study:t}: {outcome:t}", "{study}: {outcome}"],
  ["{study:t} {outcome:t} {group:t} {time:t}", "{study} {outcome} {group} {time}"],
  ["{study:t} {outcome:t} {time:t}", "{study} {outcome} {time}"],
  ["{study:t} {outcome:t}", "{study} {outcome}"],
  ["patient-specific complaints, activity {n:n}", "patiëntspecifieke klachten, activiteit {n}"],
  [
    "{sessions} sessions × {minutes} min × {days} days a week × {weeks} weeks = {hours} hours ({lo} h to {hi} h)",
    "{sessions} sessies × {minutes} min × {days} dagen per week × {weeks} weken = {hours} uur ({lo} h tot {hi} h)",
  ],
  [
    "{hours:n} h a day × {days:n} days a week (assumed) × {weeks:n} weeks = {total:n} hours",
    "{hours} uur per dag × {days} dagen per week (aangenomen) × {weeks} weken = {total} uur",
  ],
  // ---- lib/evidence: the certainty notebook (sof.ts, _grade*.ts): comparisons of the seed
  ["IMSR vs continued primary care (PICO)", "IMSR vs voortgezette eerstelijnszorg (PICO)"],
  [
    "P: patients with chronic musculoskeletal pain referred to IMSR; I: IMSR; C: continued primary care; O: disability and the other crucial outcomes",
    "P: patiënten met chronische musculoskeletale pijn verwezen naar IMSR; I: IMSR; C: voortgezette eerstelijnszorg; O: beperkingen en de andere cruciale uitkomsten",
  ],
  [
    "the Zorginstituut's draft PICO, as quoted and contested in {ref}",
    "de concept-PICO van het Zorginstituut, zoals geciteerd en betwist in {ref}",
  ],
  [
    "The VRA objection says that after excluding studies only Ronzi 2017 remains for this PICO ({ref}) and argues it describes a different population (section {sec}); data/evidence holds its baseline characteristics but no effect estimate.",
    "Het VRA-bezwaar stelt dat na het uitsluiten van studies alleen Ronzi 2017 overblijft voor deze PICO ({ref}) en betoogt dat die een andere populatie beschrijft (paragraaf {sec}); data/evidence bevat de kenmerken bij aanvang, maar geen effectschatting.",
  ],
  [
    "Exposure in vivo vs usual IMSR (graded activity) (PICO, option 1)",
    "Exposure in vivo vs gebruikelijke IMSR (graded activity) (PICO, optie 1)",
  ],
  [
    "P: as above; I: IMSR based on exposure in vivo; C: usual IMSR (graded activity, care as usual); O: disability in personally relevant activities, functional disability",
    "P: als hierboven; I: IMSR op basis van exposure in vivo; C: gebruikelijke IMSR (graded activity, gebruikelijke zorg); O: beperkingen in persoonlijk relevante activiteiten, functionele beperkingen",
  ],
  ["the VRA objection's option 1 ({ref})", "optie 1 van het VRA-bezwaar ({ref})"],
  ["the VRA objection's option 2 ({ref})", "optie 2 van het VRA-bezwaar ({ref})"],
  [
    "Den Hollander 2016 (GE vs TAU, {ref}) reports mean differences on an instrument the seed does not name, without saying which direction is better: not tabulated here.",
    "Den Hollander 2016 (GE vs TAU, {ref}) rapporteert verschillen in gemiddelden op een instrument dat het bezwaar niet noemt, zonder te zeggen welke richting beter is: hier niet in de tabel.",
  ],
  [
    "Smeets 2006 compares its active arms with each other ({ref}); none of them is labelled usual IMSR in the seed: not tabulated here.",
    "Smeets 2006 vergelijkt zijn actieve armen met elkaar ({ref}); geen ervan heet in het bezwaar gebruikelijke IMSR: hier niet in de tabel.",
  ],
  [
    "Leeuw 2008: the seed gives the total ({n:n}) but not the group sizes; the equal split in assumptions.csv (an assumption, not data) is used for the intervals and is labelled in every cell it affects.",
    "Leeuw 2008: het bezwaar geeft het totaal ({n}), maar niet de groepsgroottes; de gelijke verdeling in assumptions.csv (een aanname, geen gegevens) wordt voor de intervallen gebruikt en is gemarkeerd in elke cel waarop ze invloed heeft.",
  ],
  ["IMSR vs waiting list ({w:n} weeks)", "IMSR vs wachtlijst ({w} weken)"],
  [
    "P: chronic low back pain; I: active physical treatment (APT), graded activity with problem solving (CBT) or both (CT); C: waiting list; O: disability (RDQ), patient-specific complaints (PSC)",
    "P: chronische lagerugpijn; I: actieve fysieke behandeling (APT), graded activity met probleemoplossing (CBT) of beide (CT); C: wachtlijst; O: beperkingen (RDQ), patiëntspecifieke klachten (PSC)",
  ],
  [
    "Smeets 2006, cited by the VRA objection for the absence of change on a waiting list ({ref})",
    "Smeets 2006, door het VRA-bezwaar aangehaald voor het uitblijven van verandering op een wachtlijst ({ref})",
  ],
  [
    "The three active arms share one waiting-list group (n = {n:n}): the rows are not independent and are not pooled.",
    "De drie actieve armen delen één wachtlijstgroep (n = {n}): de rijen zijn niet onafhankelijk en worden niet gepoold.",
  ],
  [
    "IMSR without a control group: SCEDs and cohorts (PIO, option 2)",
    "IMSR zonder controlegroep: SCED's en cohorten (PIO, optie 2)",
  ],
  [
    "P: as above; I: IMSR; O: change in disability, pain interference and the other outcomes, without a comparison group (the patient as own control)",
    "P: als hierboven; I: IMSR; O: verandering in beperkingen, pijninterferentie en de andere uitkomsten, zonder vergelijkingsgroep (de patiënt als eigen controle)",
  ],
  [
    "Effect sizes are standardised changes from baseline whose standardiser the seed does not state; no CIs are reported for them.",
    "Effectgroottes zijn gestandaardiseerde veranderingen ten opzichte van de beginmeting waarvan het bezwaar de standaardiseerder niet vermeldt; er zijn geen BI's voor gerapporteerd.",
  ],
  [
    "The SCEDs' data are not in data/evidence (data/sced holds constructed examples only).",
    "De gegevens van de SCED's staan niet in data/evidence (data/sced bevat alleen geconstrueerde voorbeelden).",
  ],
  [
    "Certainty suggested by evidence-lab's GRADE-style rules (the toolkit's rules, not an official GRADE assessment)",
    "Zekerheid zoals voorgesteld door de GRADE-achtige regels van evidence-lab (de regels van de toolkit, geen officiële GRADE-beoordeling)",
  ],
  // ---- lib/evidence: summary-of-findings rows (outcomes, effects, participants, certainty, MCID)
  [
    "Responders, disability in personally relevant activities ({tp:t})",
    "Responders, beperkingen in persoonlijk relevante activiteiten ({tp})",
  ],
  ["Functional disability (adolescents; all time points)", "Functionele beperkingen (adolescenten; alle meetmomenten)"],
  ["{outcome:t} ({period:t}), review of cohorts", "{outcome} ({period}), review van cohorten"],
  ["{outcome:t}, {scale} ({tp:t}), {arm:t} vs waiting list", "{outcome}, {scale} ({tp}), {arm} vs wachtlijst"],
  ["{outcome:t}, {scale} ({tp:t})", "{outcome}, {scale} ({tp})"],
  ["Single-case experiments (exposure in vivo)", "Single-case-experimenten (exposure in vivo)"],
  ["no effect estimate in data/evidence", "geen effectschatting in data/evidence"],
  ["no studies with an effect estimate", "geen studies met een effectschatting"],
  ["not assessable: no effect estimate", "niet te beoordelen: geen effectschatting"],
  [
    "no effect estimate for this comparison in data/evidence (Ronzi 2017: population characteristics only, population_comparison.csv)",
    "geen effectschatting voor deze vergelijking in data/evidence (Ronzi 2017: alleen kenmerken van de populatie, population_comparison.csv)",
  ],
  [
    "{instr} MCID {v:n} points (or {pct:n}) ({src}; unverified)",
    "{instr} MCID {v} punten (of {pct}) ({src}; niet geverifieerd)",
  ],
  ["{instr} MCID {v:n} points ({src}; unverified)", "{instr} MCID {v} punten ({src}; niet geverifieerd)"],
  ["{instr} MCID {v:n} points (or {pct:n}) ({src})", "{instr} MCID {v} punten (of {pct}) ({src})"],
  ["{instr} MCID {v:n} points ({src})", "{instr} MCID {v} punten ({src})"],
  ["{instr}: no MCID recorded (data/instruments.csv)", "{instr}: geen MCID vastgelegd (data/instruments.csv)"],
  ["the responder criterion is not stated in the seed", "het bezwaar vermeldt het responderscriterium niet"],
  ["no instrument named in the seed", "geen instrument genoemd in het bezwaar"],
  [
    "mean with the comparator not reported in the seed",
    "gemiddelde bij de vergelijking niet gerapporteerd in het bezwaar",
  ],
  ["{n:n} responders per 1,000", "{n} responders per 1,000"],
  [
    "{a:n} {d1:t} responders per 1,000 (from {b:n} {d2:t} to {c:n} {d3:t})",
    "{a} {d1} responders per 1,000 (van {b} {d2} tot {c} {d3})",
  ],
  ["NNT{h1} {n1:n} (NNT{h2} {n2:n} to ∞ to NNT{h3} {n3:n})", "NNT{h1} {n1} (NNT{h2} {n2} tot ∞ tot NNT{h3} {n3})"],
  ["NNT{h1} {n1:n} (NNT{h2} {n2:n} to NNT{h3} {n3:n})", "NNT{h1} {n1} (NNT{h2} {n2} tot NNT{h3} {n3})"],
  ["RR {e:n} ({l:n} to {u:n})", "RR {e} ({l} tot {u})"],
  ["{n:n} ({k:n} RCT)", "{n} ({k} RCT)"],
  ["{n:n} ({k:n} RCTs)", "{n} ({k} RCT's)"],
  ["{n:n} ({k:n} cohort)", "{n} ({k} cohort)"],
  ["{n:n} ({k:n} cohorts)", "{n} ({k} cohorten)"],
  ["{n:n} ({k:n} SCEDs)", "{n} ({k} SCED's)"],
  ["{n:n} ({k:n} SCED)", "{n} ({k} SCED)"],
  ["not reported ({k:n} cohorts)", "niet gerapporteerd ({k} cohorten)"],
  ["MD {e:n} {d:t} (no CI reported)", "MD {e} {d} (geen BI gerapporteerd)"],
  ["MD {e:n} points {d:t} ({l:n} {d1:t} to {u:n} {d2:t})", "MD {e} punten {d} ({l} {d1} tot {u} {d2})"],
  ["no control group (PIO)", "geen controlegroep (PIO)"],
  [
    "change from baseline ES {es:n} (as printed; no CI reported); {n:n} per 1,000 improved by at least the MCID",
    "verandering ten opzichte van de beginmeting ES {es} (zoals gedrukt; geen BI gerapporteerd); {n} per 1,000 verbeterd met minstens de MCID",
  ],
  [
    "change from baseline ES {es:n} (as printed; no CI reported)",
    "verandering ten opzichte van de beginmeting ES {es} (zoals gedrukt; geen BI gerapporteerd)",
  ],
  ["median SMC {m:n} (range {a:n} to {b:n})", "mediane SMC {m} (spreiding {a} tot {b})"],
  ["re-expressed by the review: {v:n} {instr} points", "door de review omgerekend: {v} {instr}-punten"],
  [
    "not determined (open: {list:m}; between {a:t} and {b:t})",
    "niet bepaald (open: {list}; tussen {a} en {b})",
  ],
  [
    "{sym} {lvl:t} whatever the open judgements (open: {list:m})",
    "{sym} {lvl}, ongeacht de open oordelen (open: {list})",
  ],
  ["⨁⨁⨁⨁ {lvl:t}", "⨁⨁⨁⨁ {lvl}"],
  ["⨁⨁⨁◯ {lvl:t}", "⨁⨁⨁◯ {lvl}"],
  ["⨁⨁◯◯ {lvl:t}", "⨁⨁◯◯ {lvl}"],
  ["⨁◯◯◯ {lvl:t}", "⨁◯◯◯ {lvl}"],
  // ---- lib/evidence: the certainty's footnotes and the domains' reasons (_grade*.ts)
  ["{domain:t}: {rating:t} — {reason:m}.", "{domain}: {rating} — {reason}."],
  ["Starting level {lvl:t}: {reason:m}.", "Startniveau {lvl}: {reason}."],
  [
    "low {b:n}, some concerns/moderate {c:n}, high/serious/critical {d:n}, not assessed {e:n} of the weight",
    "laag {b}, enige zorg/matig {c}, hoog/ernstig/kritiek {d}, niet beoordeeld {e} van het gewicht",
  ],
  [
    "not assessed for {a:n} of the weight ({bd:m}): a committee has to judge the studies",
    "niet beoordeeld voor {a} van het gewicht ({bd}): een commissie moet de studies beoordelen",
  ],
  ["at least {p:n} of the weight at high risk ({bd:m})", "minstens {p} van het gewicht met hoog risico ({bd})"],
  [
    "at least {p:n} of the weight with some concerns or worse ({bd:m})",
    "minstens {p} van het gewicht met enige zorg of erger ({bd})",
  ],
  [
    "less than {p:n} of the weight at high risk and less than {q:n} with concerns ({bd:m})",
    "minder dan {p} van het gewicht met hoog risico en minder dan {q} met enige zorg ({bd})",
  ],
  [
    "not judged yet: {list:m}: a committee declares whether they differ from the question",
    "nog niet beoordeeld: {list}: een commissie geeft aan of ze afwijken van de vraag",
  ],
  [
    "the {lvl:n} CI {l:n} to {u:n} includes an important benefit and an important harm beyond a relative change of {p:n} (GRADE's default, Guyatt 2011; no MCID given)",
    "het {lvl}-BI {l} tot {u} omvat een belangrijk voordeel en een belangrijk nadeel voorbij een relatieve verandering van {p} (standaard van GRADE, Guyatt 2011; geen MCID opgegeven)",
  ],
  [
    "the {lvl:n} CI {l:n} to {u:n} crosses a relative change of {p:n} (GRADE's default, Guyatt 2011; no MCID given): it includes important and unimportant effects",
    "het {lvl}-BI {l} tot {u} overschrijdt een relatieve verandering van {p} (standaard van GRADE, Guyatt 2011; geen MCID opgegeven): het omvat belangrijke en onbelangrijke effecten",
  ],
  [
    "the {lvl:n} CI {l:n} to {u:n} does not cross the MCID {m:n} points ({src}; recalled, not verified against the paper); {ois:m}",
    "het {lvl}-BI {l} tot {u} overschrijdt de MCID van {m} punten niet ({src}; uit het geheugen, niet gecontroleerd aan het artikel); {ois}",
  ],
  [
    "the {lvl:n} CI {l:n} to {u:n} does not cross the MCID {m:n} points ({src}); {ois:m}",
    "het {lvl}-BI {l} tot {u} overschrijdt de MCID van {m} punten niet ({src}); {ois}",
  ],
  [
    "the {lvl:n} CI {l:n} to {u:n} excludes no effect (no MCID recorded for this scale: judged against no effect only); {ois:m}",
    "het {lvl}-BI {l} tot {u} sluit 'geen effect' uit (geen MCID vastgelegd voor deze schaal: alleen tegen 'geen effect' beoordeeld); {ois}",
  ],
  ["optimal information size not checked", "optimale informatiegrootte niet gecontroleerd"],
  [
    "a single study: inconsistency between studies cannot be judged and is not rated down",
    "één studie: inconsistentie tussen studies is niet te beoordelen en wordt niet afgewaardeerd",
  ],
  [
    "k = {k:n} < {m:n}: funnel plot and Egger's test are not informative; not rated down by the rule (a committee may still judge it from the search)",
    "k = {k} < {m}: funnelplot en Egger-toets zijn niet informatief; de regel waardeert niet af (een commissie kan het nog beoordelen aan de hand van de zoekactie)",
  ],
  [
    "no confidence interval reported: precision cannot be computed; a committee has to judge (participants: {n:n})",
    "geen betrouwbaarheidsinterval gerapporteerd: de precisie is niet te berekenen; een commissie moet oordelen (deelnemers: {n})",
  ],
  [
    "no confidence interval reported: precision cannot be computed; a committee has to judge",
    "geen betrouwbaarheidsinterval gerapporteerd: de precisie is niet te berekenen; een commissie moet oordelen",
  ],
  [
    "I² = {i2:n}, τ = not reported, range of study estimates {a:n} to {b:n}, k = {k:n}: I² at least {t:n} and the range of study estimates includes effects in both directions",
    "I² = {i2}, τ = niet gerapporteerd, spreiding van de schattingen van de studies {a} tot {b}, k = {k}: I² minstens {t} en de spreiding van de schattingen omvat effecten in beide richtingen",
  ],
  [
    "k = {k:n}: Egger's test not available; a committee has to judge the funnel plot",
    "k = {k}: Egger-toets niet beschikbaar; een commissie moet de funnelplot beoordelen",
  ],
  [
    "Group sizes {a:n} and {b:n} are an assumption (assumptions.csv: an equal split of the total), not data: the CI, the NNT interval and the optimal information size depend on them.",
    "Groepsgroottes {a} en {b} zijn een aanname (assumptions.csv: een gelijke verdeling van het totaal), geen gegevens: het BI, het NNT-interval en de optimale informatiegrootte hangen ervan af.",
  ],
  [
    "No MCID on the ratio scale: imprecision is judged against a relative change of {p:n} (GRADE's default).",
    "Geen MCID op de ratioschaal: imprecisie wordt beoordeeld tegen een relatieve verandering van {p} (standaard van GRADE).",
  ],
  [
    "Optimal information size for a {p:n} relative {dir:t} from {r:n} per 1,000: {n:n}.",
    "Optimale informatiegrootte voor een relatieve {dir} van {p} vanaf {r} per 1,000: {n}.",
  ],
  [
    "the seed reports a bound ('at least {v:n}', the smallest difference over all time points) without a CI and without naming the instrument",
    "het bezwaar rapporteert een grens ('minstens {v}', het kleinste verschil over alle meetmomenten) zonder BI en zonder het instrument te noemen",
  ],
  [
    "Optimal information size not checked: no SD of the outcome given (set one to check it).",
    "Optimale informatiegrootte niet gecontroleerd: geen SD van de uitkomst opgegeven (geef er een op om het te controleren).",
  ],
  [
    "No control group: the change from baseline includes natural course and regression to the mean as far as they occur (the parties disagree on their size).",
    "Geen controlegroep: de verandering ten opzichte van de beginmeting omvat het natuurlijk beloop en regressie naar het gemiddelde voor zover die optreden (de partijen verschillen van mening over de grootte ervan).",
  ],
  [
    "The MCID is in instrument points; the effect size is standardised, so the CI (not reported) could not be compared with it.",
    "De MCID is in punten van het instrument; de effectgrootte is gestandaardiseerd, dus het BI (niet gerapporteerd) kon er niet mee worden vergeleken.",
  ],
  [
    "n is the cohort's total ({n:n}); the number with {m:n}-month data is not in the seed",
    "n is het totaal van het cohort ({n}); het aantal met gegevens na {m} maanden staat niet in het bezwaar",
  ],
  [
    "the effect size is printed positive while Breugelmans prints PDI improvement as negative: the sign convention is not stated in the seed",
    "de effectgrootte is positief gedrukt, terwijl Breugelmans verbetering op de PDI negatief drukt: het bezwaar vermeldt de tekenconventie niet",
  ],
  ["the responder denominator is not stated in the seed", "het bezwaar vermeldt de noemer van de responders niet"],
  [
    "Median standardised mean change across cohorts with its range (not a pooled estimate with a CI); the cohorts' own risk-of-bias assessments are in the review, not in data/evidence.",
    "Mediane gestandaardiseerde gemiddelde verandering over de cohorten met haar spreiding (geen gepoolde schatting met een BI); de eigen beoordelingen van risico op vertekening van de cohorten staan in de review, niet in data/evidence.",
  ],
  ["No control group (see the PIO notes).", "Geen controlegroep (zie de opmerkingen bij de PIO)."],
  [
    "the seed reports the patients ({list}) but no effect estimate; the randomisation-test results of these studies are not in data/evidence",
    "het bezwaar rapporteert de patiënten ({list}), maar geen effectschatting; de resultaten van de randomisatietoetsen van deze studies staan niet in data/evidence",
  ],
  [
    "ILLUSTRATIVE risk-of-bias judgements were used: not a real assessment.",
    "ILLUSTRATIEVE oordelen over risico op vertekening zijn gebruikt: geen echte beoordeling.",
  ],
  [
    "randomised trials start {lvl:t} (GRADE handbook {s:n})",
    "gerandomiseerde studies starten {lvl} (GRADE-handboek {s})",
  ],
  [
    "before-after evidence without a control group (PIO) starts Low like non-randomised evidence (the toolkit's rule: GRADE's start High with ROBINS-I is for studies that compare groups; a committee may override it with a reason)",
    "voor-na-bewijs zonder controlegroep (PIO) start Laag, zoals niet-gerandomiseerd bewijs (de regel van de toolkit: GRADE's start Hoog met ROBINS-I geldt voor studies die groepen vergelijken; een commissie kan dit met een reden overschrijven)",
  ],
  // ---- lib/evidence: rating up (_grade*.ts)
  [
    "RR {e:n}: not beyond {a:n} (or {b}) with a CI on one side of {c:n}",
    "RR {e}: niet voorbij {a} (of {b}) met een BI aan één kant van {c}",
  ],
  [
    "not computed for {m}: GRADE's large-effect thresholds are for risk ratios",
    "niet berekend voor {m}: de drempels van GRADE voor een groot effect gelden voor risicoratio's",
  ],
  // ---- lib/evidence: where every number comes from (SofRow.sources)
  ["{x:m} (ASSUMPTION)", "{x} (AANNAME)"],
  ["group sizes {x:m}", "groepsgroottes {x}"],
  [
    "{file} row {n:n} (id {id}; seed {doc} line {l:n}); {rest:m}",
    "{file} rij {n} (id {id}; bron {doc} line {l}); {rest}",
  ],
  ["{file} row {n:n} (id {id}; seed {doc} line {l:n})", "{file} rij {n} (id {id}; bron {doc} line {l})"],
  ["{file} row {n:n} (id {id}); {rest:m}", "{file} rij {n} (id {id}); {rest}"],
  ["{file} row {n:n} (id {id})", "{file} rij {n} (id {id})"],
  [
    "{file} row {n:n} ({study}, {tool}, Overall: {j}, ILLUSTRATIVE)",
    "{file} rij {n} ({study}, {tool}, Overall: {j}, ILLUSTRATIEF)",
  ],
  ["{file} row {n:n} ({study}, {tool}, Overall: {j})", "{file} rij {n} ({study}, {tool}, Overall: {j})"],
  ["{file} row {n:n} ({instr})", "{file} rij {n} ({instr})"],
  ["no judgement for {study}: {j}", "geen oordeel voor {study}: {j}"],
  // ---- lib/evidence: the risk-of-bias tools' sources (rob.ts ROB_TOOLS; citations keep their titles)
  [
    "Sterne JAC et al. RoB 2: a revised tool for assessing risk of bias in randomised trials. BMJ {ref}",
    "Sterne JAC e.a. RoB 2: a revised tool for assessing risk of bias in randomised trials. BMJ {ref}",
  ],
  [
    "ROBINS-I version {v:n} (Sterne JAC, Higgins JPT et al., riskofbias.info, {y:n}); version {w:n}: Sterne JAC et al. BMJ {ref}",
    "ROBINS-I versie {v} (Sterne JAC, Higgins JPT e.a., riskofbias.info, {y}); versie {w}: Sterne JAC e.a. BMJ {ref}",
  ],
  [
    "the toolkit's scheme after the internal-validity items of the RoBiNT scale (Tate RL et al. {ref}), judged Low / Some concerns / High instead of {a:n}-{b:n} points (an adaptation, not the published scoring)",
    "het schema van de toolkit naar de items over interne validiteit van de RoBiNT-schaal (Tate RL e.a. {ref}), beoordeeld als Low / Some concerns / High in plaats van {a}-{b} punten (een aanpassing, niet de gepubliceerde scoring)",
  ],
];

/** Engine words shown alone or inside sentences, and their Dutch. */
export const TERMS_NL: Readonly<Record<string, string>> = {
  // certainty ratings and levels (GRADE's Dutch terms)
  "no serious": "geen ernstige",
  "serious": "ernstig",
  "very serious": "zeer ernstig",
  "not applicable": "niet van toepassing",
  "high": "hoog",
  "moderate": "redelijk",
  "low": "laag",
  "very low": "zeer laag",
  // rankability (van Dishoeck et al. 2011)
  "poor": "zwak",
  "good": "goed",
  // comparators and instruments of the design engine
  "primary-care": "eerstelijnszorg",
  "usual-imsr": "gebruikelijke IMSR",
  "waiting-list": "wachtlijst",
  "none": "geen",
  "pdi": "PDI",
  "psc": "PSC",
  "nrs": "NRS",
  "pcs": "PCS",
  "mcs": "MCS",
  "score": "score",
  // scenarios
  "sceptical": "sceptisch",
  "literature-neutral": "literatuur-neutraal",
  "vra-premises": "VRA-premissen",
  "yes": "ja",
  "no": "nee",
  "power": "onderscheidend vermogen",
  "coverage": "dekking",
  // practice: units, case-mix models, limits
  "PDI points": "PDI-punten",
  "PSC points": "PSC-punten",
  "responder proportion": "aandeel responders",
  "linear": "lineair",
  "logistic": "logistisch",
  "mixed": "gemengd",
  "mixed-logistic": "gemengd logistisch",
  "R²": "R²",
  "McFadden R²": "McFadden-R²",
  "additive": "additief",
  "multiplicative": "multiplicatief",
  // practice: the calibrated limit methods (data/registry/calibration.json)
  "no adjustment": "geen correctie",
  "multiplicative φ, not winsorised": "multiplicatieve φ, niet gewinsoriseerd",
  "multiplicative φ, z winsorised 10% (FunnelPlotR)": "multiplicatieve φ, z gewinsoriseerd 10% (FunnelPlotR)",
  "additive τ², DerSimonian-Laird (lib/meta)": "additieve τ², DerSimonian-Laird (lib/meta)",
  "additive τ², REML (lib/meta)": "additieve τ², REML (lib/meta)",
  "additive τ², Spiegelhalter, not winsorised": "additieve τ², Spiegelhalter, niet gewinsoriseerd",
  "additive τ², Spiegelhalter, z winsorised 10% (FunnelPlotR)":
    "additieve τ², Spiegelhalter, z gewinsoriseerd 10% (FunnelPlotR)",
  // sced: designs and error structures
  "multiple baseline": "multiple baseline",
  "treatment reversal": "omkeerdesign",
  "independent": "onafhankelijk",
  // design: calibration targets (lib/design/calibration.ts)
  "Cohort PDI responders (improvement ≥ MCID), post": "Cohort PDI-responders (verbetering ≥ MCID), na",
  "Cohort PDI standardised change (post)": "Cohort PDI gestandaardiseerde verandering (na)",
  "Cohort PSC standardised change per activity (post, mean of 3)":
    "Cohort PSC gestandaardiseerde verandering per activiteit (na, gemiddelde van 3)",
  "Leeuw 2008 PSK responders post (mean of EXP 51% and GA 58%)":
    "Leeuw 2008 PSK-responders na (gemiddelde van EXP 51% en GA 58%)",
  "Smeets 2006 CT vs waiting list, standardised (RDQ MD −2.56 / baseline SD 3.92)":
    "Smeets 2006 CT tegen wachtlijst, gestandaardiseerd (RDQ MD −2.56 / SD bij aanvang 3.92)",
  "Smeets 2006 waiting-list arm: standardised change (no change reported)":
    "Smeets 2006 wachtlijstarm: gestandaardiseerde verandering (geen verandering gerapporteerd)",
  // design: sources of the calibration targets (lib/design/calibration.ts)
  "vra-bezwaar-zin-imsr-chronische-pijn-2025.txt:1385 (Breugelmans 2024, ES −1.01; sign oriented)":
    "vra-bezwaar-zin-imsr-chronische-pijn-2025.txt:1385 (Breugelmans 2024, ES −1.01; teken georiënteerd)",
  "vra-bezwaar-zin-imsr-chronische-pijn-2025.txt:1390 (Breugelmans 2024, −1.59/−1.40/−1.33)":
    "vra-bezwaar-zin-imsr-chronische-pijn-2025.txt:1390 (Breugelmans 2024, −1.59/−1.40/−1.33)",
  "vra-bezwaar-zin-imsr-chronische-pijn-2025.txt:1385 (Breugelmans 2024, 59.8%)":
    "vra-bezwaar-zin-imsr-chronische-pijn-2025.txt:1385 (Breugelmans 2024, 59.8%)",
  "vra-bezwaar-zin-imsr-chronische-pijn-2025.txt:910 and :913 (Smeets 2006, RDQ)":
    "vra-bezwaar-zin-imsr-chronische-pijn-2025.txt:910 en :913 (Smeets 2006, RDQ)",
  "vra-bezwaar-zin-imsr-chronische-pijn-2025.txt:199-201 (no change on any outcome, 10 weeks)":
    "vra-bezwaar-zin-imsr-chronische-pijn-2025.txt:199-201 (geen verandering op enige uitkomst, 10 weken)",
  "vra-bezwaar-zin-imsr-chronische-pijn-2025.txt:566 (Leeuw 2008; group sizes not stated)":
    "vra-bezwaar-zin-imsr-chronische-pijn-2025.txt:566 (Leeuw 2008; groepsgroottes niet vermeld)",
  // responders: time points, outcomes and NNT directions (lib/evidence/responders.ts, lib/responders)
  "post": "na afloop",
  "12 months": "12 maanden",
  "24 months": "24 maanden",
  "work capacity": "arbeidsvermogen",
  "pain (NRS)": "pijn (NRS)",
  "PDI": "PDI",
  "RDQ": "RDQ",
  "COPM performance": "COPM uitvoering",
  "benefit": "baat",
  "harm": "schade",
  // dependent effects: the scales of the inventory (lib/meta/dependent.ts, instruments of estimates.csv)
  "smd": "smd",
  "es": "es",
  "upper extremity disability": "beperkingen bovenste extremiteit",
  "lower extremity disability": "beperkingen onderste extremiteit",
  "7-point scale": "7-puntsschaal",
  "RDQ (0-24)": "RDQ (0-24)",
  "PSC (0-100)": "PSC (0-100)",
  "unknown instrument": "onbekend instrument",
  // audit: outcome domains, periods and statistics of the review table (smc_review.csv)
  "Social functioning": "Sociaal functioneren",
  "Emotional functioning": "Emotioneel functioneren",
  "Health related quality of life": "Gezondheidsgerelateerde kwaliteit van leven",
  "Pain intensity": "Pijnintensiteit",
  "Physical function": "Lichamelijk functioneren",
  "pre-post": "voor-na",
  "pre-final follow-up": "voor–laatste follow-up",
  "post-final follow-up": "na–laatste follow-up",
  "range maximum": "maximum van de spreiding",
  "range minimum": "minimum van de spreiding",
  "median": "mediaan",
  // evidence tables: the seed's study ids, arms and instruments (codes, the same in Dutch)
  "denhollander2016": "denhollander2016",
  "smeets2006": "smeets2006",
  "timmers2021": "timmers2021",
  "leeuw2008": "leeuw2008",
  "nicholas2012": "nicholas2012",
  "meesters2016": "meesters2016",
  "volker2017": "volker2017",
  "breugelmans2024": "breugelmans2024",
  "GE": "GE",
  "TAU": "TAU",
  "APT": "APT",
  "CBT": "CBT",
  "CT": "CT",
  "WLC": "WLC",
  "EXP": "EXP",
  "GA": "GA",
  "PSK": "PSK",
  "COPM": "COPM",
  "GPE": "GPE",
  "NRS pain (0-10)": "NRS-pijn (0-10)",
  // evidence tables: time points, outcomes of the contrasts and the Breugelmans cohort, rate bases
  "6 months": "6 maanden",
  "pre-6 months": "voor-6 maanden",
  "disability": "beperkingen",
  "patient-specific complaints": "patiëntspecifieke klachten",
  "self-perceived improvement of disability": "zelf ervaren verbetering van beperkingen",
  "pain relief": "pijnverlichting",
  "self-rated work capacity": "zelf beoordeeld arbeidsvermogen",
  "physical quality of life": "fysieke kwaliteit van leven",
  "mental quality of life": "mentale kwaliteit van leven",
  "global perceived effect on disability": "globaal ervaren effect op beperkingen",
  "global perceived effect on coping": "globaal ervaren effect op coping",
  "pain intensity": "pijnintensiteit",
  "no denominator": "geen noemer",
  "assumed n": "aangenomen n",
  "n from the seed": "n uit het bezwaar",
  // evidence tables: the review table's outcome domains (smc_review.csv, smc_direction.csv)
  "Pain interference": "Pijninterferentie",
  "Depression": "Depressie",
  "Anxiety": "Angst",
  "Anger": "Boosheid",
  "Self-efficacy": "Zelfeffectiviteit (self-efficacy)",
  // certainty notebook: GRADE's levels, domains, ratings and reasons for rating up (lib/evidence)
  "High": "Hoog",
  "Moderate": "Redelijk",
  "Low": "Laag",
  "Very low": "Zeer laag",
  "not serious": "niet ernstig",
  "open": "open",
  "not assessable": "niet te beoordelen",
  "not declared": "niet aangegeven",
  // the GRADE form's choices (certainty notebook; KEEP_SUGGESTION and the indirectness levels)
  "rule's suggestion": "suggestie van de regel",
  "not judged": "niet beoordeeld",
  "risk of bias": "risico op vertekening",
  "inconsistency": "inconsistentie",
  "indirectness": "indirectheid",
  "imprecision": "imprecisie",
  "publication bias": "publicatiebias",
  "Risk of bias": "Risico op vertekening",
  "Inconsistency": "Inconsistentie",
  "Indirectness": "Indirectheid",
  "Imprecision": "Imprecisie",
  "Publication bias": "Publicatiebias",
  "large effect": "groot effect",
  "dose-response": "dosis-responsrelatie",
  "plausible confounding": "plausibele confounding",
  "population": "populatie",
  "intervention": "interventie",
  "comparator": "vergelijking",
  "outcome": "uitkomst",
  // certainty notebook: effects' directions, time points, outcomes, cells of the source list
  "fewer": "minder",
  "more": "meer",
  "lower": "lager",
  "higher": "hoger",
  "increase": "toename",
  "decrease": "afname",
  "post-treatment": "na de behandeling",
  "Disability": "Beperkingen",
  "Physical disability": "Lichamelijke beperkingen",
  "Patient-specific complaints": "Patiëntspecifieke klachten",
  "mcid": "MCID",
  "relative": "relatief",
  "control": "controle",
  "absolute": "absoluut",
  "participants": "deelnemers",
  "responders": "responders",
  "heterogeneity": "heterogeniteit",
  // certainty notebook: the domains of RoB 2, ROBINS-I v2 and the toolkit's SCED scheme (lib/evidence/rob.ts)
  "Bias arising from the randomization process": "Vertekening door het randomisatieproces",
  "Bias due to deviations from intended interventions": "Vertekening door afwijkingen van de beoogde interventies",
  "Bias due to missing outcome data": "Vertekening door ontbrekende uitkomstgegevens",
  "Bias in measurement of the outcome": "Vertekening bij het meten van de uitkomst",
  "Bias in selection of the reported result": "Vertekening bij de selectie van het gerapporteerde resultaat",
  "Overall risk of bias": "Totaal risico op vertekening",
  "Bias due to confounding": "Vertekening door confounding",
  "Bias in classification of interventions": "Vertekening bij de classificatie van interventies",
  "Bias in selection of participants into the study (or into the analysis)":
    "Vertekening bij de selectie van deelnemers voor de studie (of de analyse)",
  "Bias due to missing data": "Vertekening door ontbrekende gegevens",
  "Design (phases, replication of the effect)": "Design (fasen, replicatie van het effect)",
  "Randomisation (of phase starts or order)": "Randomisatie (van de start of volgorde van fasen)",
  "Sampling of behaviour (measurements per phase)": "Steekproef van het gedrag (metingen per fase)",
  "Blinding of participants and therapists": "Blindering van deelnemers en therapeuten",
  "Blinding of assessors": "Blindering van beoordelaars",
  "Inter-rater agreement of the outcome": "Overeenstemming tussen beoordelaars over de uitkomst",
  "Treatment adherence": "Therapietrouw",
};
