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
};
