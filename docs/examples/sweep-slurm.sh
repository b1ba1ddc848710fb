#!/usr/bin/env bash
# A TokenGrid sweep as a Slurm job array: 8 shards, one task each, then a dependent merge job.
#   sbatch docs/examples/sweep-slurm.sh
# Each task runs block $SLURM_ARRAY_TASK_ID of 8; the scenario list is the same in every task.
#SBATCH --job-name=tokengrid-sweep
#SBATCH --array=0-7
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=01:00:00
#SBATCH --output=logs/sweep-%A_%a.out
set -euo pipefail

SHARDS=8
OUT=out/us-grid-sweep
.build/release/tokengrid sweep Plans/us-grid-2030.yaml \
  --vary regions.pjm-northern-virginia.grid.price_usd_per_mwh=60:120:5 \
  --vary zones.us-east.growth.rate_per_year=0.5:1.5:5 \
  --vary regions.ercot.grid.min_reserve_margin=0.1:0.3:8 \
  --jobs "${SLURM_CPUS_PER_TASK}" --shard "${SLURM_ARRAY_TASK_ID}/${SHARDS}" \
  --out "${OUT}/shard-${SLURM_ARRAY_TASK_ID}" --quiet

# After the array: sbatch --dependency=afterok:<array job id> --wrap \
#   ".build/release/tokengrid sweep-merge ${OUT}/shard-* --out ${OUT} --total 200"
