"""Steps per second of the Python reference's engine, in process: 20-step episodes with the
baseline policy and the alignment metrics, reset included (what EngineBenchmark measures in Java).
Run from the reference tool's root: python3 reference_engine_rate.py SCENARIO [SECONDS]"""
import sys
import time

from goal_drift_gym.core import Engine, EngineConfig
from goal_drift_gym.eval import AlignmentMetricsAccumulator
from goal_drift_gym.scenarios import build_scenario
from goal_drift_gym.scripts.run import build_policy

name = sys.argv[1]
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0
steps = 0
seed = 0
start = time.perf_counter()
while time.perf_counter() - start < seconds:
    seed += 1
    scenario, _ = build_scenario(name, {"max_steps": 20})
    engine = Engine(scenario, config=EngineConfig(max_steps=20, seed=seed))
    metrics = AlignmentMetricsAccumulator(threshold=0.9)
    result = engine.run(build_policy("baseline", name), metrics=metrics, seed=seed)
    steps += len(result.steps)
print(int(steps / (time.perf_counter() - start)))
