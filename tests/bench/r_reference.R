# R reference rates for the Deno benchmarks in tests/bench/ (issue 12's targets are ratios to these).
#
# R is NOT needed to build, test or run the project. This script only documents how the reference
# rates quoted in tests/bench/README.md were measured on the project machine, so that they can be
# measured again (e.g. on another machine) and compared with `deno bench` there.
#
#   Rscript tests/bench/r_reference.R            # three runs of every timing, with the load average
#   R_REF_SCALE=0.25 Rscript tests/bench/r_reference.R   # a quarter of the repetitions
#
# Needs R with metafor (3.8.1 was used) and clubSandwich (0.5.8). Each timing fits the same model
# as the Deno bench of the same name, after a warm-up, `reps` times in a loop, and prints fits/s.
suppressPackageStartupMessages({
  library(metafor)
  library(clubSandwich)
})

load_avg <- function() {
  la <- tryCatch(readLines("/proc/loadavg"), error = function(e) "?")
  strsplit(la, " ")[[1]][1:3]
}

# Time `f` (a function without arguments) `reps` times after `warm` warm-up calls, `runs` times, and
# print fits per second by wall-clock time (what `deno bench` measures) and by the CPU time of this
# process (user + system; less disturbed when other processes share the cores), with the load average.
scale <- as.numeric(Sys.getenv("R_REF_SCALE", "1")) # e.g. R_REF_SCALE=0.25 for a quick look
rate <- function(label, f, reps, warm = 5, runs = 3) {
  reps <- max(10, round(reps * scale))
  for (i in seq_len(warm)) f()
  for (r in seq_len(runs)) {
    la <- load_avg()
    t <- system.time(for (i in seq_len(reps)) f())
    cpu <- t[["user.self"]] + t[["sys.self"]]
    cat(sprintf("%-58s run %d: %7.1f /s wall, %7.1f /s cpu  (%d reps, %.2f s wall; load %s)\n",
                label, r, reps / t[["elapsed"]], reps / cpu, reps, t[["elapsed"]], paste(la, collapse = " ")))
  }
}

cat("R ", R.version$major, ".", R.version$minor, "; metafor ", as.character(packageVersion("metafor")),
    "; clubSandwich ", as.character(packageVersion("clubSandwich")), "; ", date(), "\n", sep = "")
cat("cpu:", system("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2", intern = TRUE),
    "; cores:", parallel::detectCores(), "\n")

# ---- tests/bench/mv_bench.ts: dat.assink2016 (100 effect sizes in 17 studies)
dat <- dat.assink2016
fit <- rma.mv(yi, vi, random = ~ 1 | study/esid, data = dat)          # REML, test "z"
V <- vcalc(vi, cluster = study, obs = esid, rho = 0.6, data = dat)

rate("rma.mv REML ~ 1 | study/esid (assink2016, k = 100)",
     function() rma.mv(yi, vi, random = ~ 1 | study/esid, data = dat), reps = 200)
rate("rma.mv REML CHE rho = 0.6 (vcalc + fit)",
     function() {
       V <- vcalc(vi, cluster = study, obs = esid, rho = 0.6, data = dat)
       rma.mv(yi, V, random = ~ 1 | study/esid, data = dat)
     }, reps = 200)
rate("rma.mv REML CHE rho = 0.6 (fit only, V given)",
     function() rma.mv(yi, V, random = ~ 1 | study/esid, data = dat), reps = 200)
rate("robust(fit, cluster = study, clubSandwich = TRUE) (CR2)",
     function() robust(fit, cluster = study, clubSandwich = TRUE), reps = 500)
rate("robust(fit, cluster = study) (metafor's default, CR1)",
     function() robust(fit, cluster = study), reps = 500)

# ---- tests/bench/meta_bench.ts: rma() REML, intercept only. The Deno bench draws its data with the
# toolkit's seeded generator (vi ~ U(0.02, 0.22), yi ~ N(0.5, vi + 0.1)); R draws data of the same
# design with its own generator (REML's iteration count, hence the time, hardly depends on the draw).
sim <- function(k, seed) {
  set.seed(seed)
  vi <- 0.02 + 0.2 * runif(k)
  yi <- rnorm(k, 0.5, sqrt(vi + 0.1))
  list(yi = yi, vi = vi)
}
d100 <- sim(100, 1)
d20 <- sim(20, 2)
x100 <- (seq_len(100) - 1) %% 7
rate("rma REML k = 100", function() rma(d100$yi, d100$vi, method = "REML"), reps = 500)
rate("rma REML k = 100 + Q-profile confint",
     function() confint(rma(d100$yi, d100$vi, method = "REML")), reps = 200)
rate("rma REML k = 20", function() rma(d20$yi, d20$vi, method = "REML"), reps = 500)
rate("rma REML k = 20 + Q-profile confint",
     function() confint(rma(d20$yi, d20$vi, method = "REML")), reps = 200)
rate("rmaMods REML k = 100, one moderator: rma(yi, vi, mods = ~ x)",
     function() rma(d100$yi, d100$vi, mods = ~ x100, method = "REML"), reps = 500)
