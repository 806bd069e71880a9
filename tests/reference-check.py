#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks backprop-cli against an independent transcription of the seeds.

The seeds' network (victorzhou's OurNeuralNetwork, ../shared/seeds/) is
transcribed here in plain Python twice: once with math.exp (libm's exp, as
the C core uses), which must agree bit for bit, and once as the numpy
original, which must agree within 1e-9 relative (numpy's vectorised exp
may differ from libm's in the last bit).  Random people, initial
parameters, learning rates, epoch counts and normalisations; prints TAP.
"""

import json
import math
import os
import random
import subprocess
import sys
import tempfile

CLI = os.environ.get("BACKPROP_CLI", "backprop-cli")
NAMES = ["w1", "w2", "w3", "w4", "w5", "w6", "b1", "b2", "b3"]

try:
    import numpy as np
except ImportError:  # the bit-exact checks do not need it
    np = None


def exp(x):
    # libm's exp returns inf where Python raises.
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf


def sigmoid(x):
    return 1 / (1 + exp(-x))


def deriv_sigmoid(x):
    fx = sigmoid(x)
    return fx * (1 - fx)


class Transcription:
    """The seeds' train(), line for line, with plain floats."""

    def __init__(self, params):
        (self.w1, self.w2, self.w3, self.w4, self.w5, self.w6,
         self.b1, self.b2, self.b3) = params

    def feedforward(self, x):
        h1 = sigmoid(self.w1 * x[0] + self.w2 * x[1] + self.b1)
        h2 = sigmoid(self.w3 * x[0] + self.w4 * x[1] + self.b2)
        return sigmoid(self.w5 * h1 + self.w6 * h2 + self.b3)

    def train(self, data, all_y_trues, learn_rate, epochs):
        for _ in range(epochs):
            for x, y_true in zip(data, all_y_trues):
                sum_h1 = self.w1 * x[0] + self.w2 * x[1] + self.b1
                h1 = sigmoid(sum_h1)
                sum_h2 = self.w3 * x[0] + self.w4 * x[1] + self.b2
                h2 = sigmoid(sum_h2)
                sum_o1 = self.w5 * h1 + self.w6 * h2 + self.b3
                o1 = sigmoid(sum_o1)
                y_pred = o1
                d_L_d_ypred = -2 * (y_true - y_pred)
                d_ypred_d_w5 = h1 * deriv_sigmoid(sum_o1)
                d_ypred_d_w6 = h2 * deriv_sigmoid(sum_o1)
                d_ypred_d_b3 = deriv_sigmoid(sum_o1)
                d_ypred_d_h1 = self.w5 * deriv_sigmoid(sum_o1)
                d_ypred_d_h2 = self.w6 * deriv_sigmoid(sum_o1)
                d_h1_d_w1 = x[0] * deriv_sigmoid(sum_h1)
                d_h1_d_w2 = x[1] * deriv_sigmoid(sum_h1)
                d_h1_d_b1 = deriv_sigmoid(sum_h1)
                d_h2_d_w3 = x[0] * deriv_sigmoid(sum_h2)
                d_h2_d_w4 = x[1] * deriv_sigmoid(sum_h2)
                d_h2_d_b2 = deriv_sigmoid(sum_h2)
                self.w1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w1
                self.w2 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w2
                self.b1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_b1
                self.w3 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w3
                self.w4 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w4
                self.b2 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_b2
                self.w5 -= learn_rate * d_L_d_ypred * d_ypred_d_w5
                self.w6 -= learn_rate * d_L_d_ypred * d_ypred_d_w6
                self.b3 -= learn_rate * d_L_d_ypred * d_ypred_d_b3

    def params(self):
        return [getattr(self, n) for n in NAMES]


def numpy_original(params, data, all_y_trues, learn_rate, epochs, np_exp=None):
    """The seeds' numpy code as published, with the run's settings; np_exp
    replaces np.exp to tell the exp's rounding from anything else."""
    np_exp = np_exp or np.exp

    def np_sigmoid(x):
        return 1 / (1 + np_exp(-x))

    def np_deriv(x):
        fx = np_sigmoid(x)
        return fx * (1 - fx)

    w1, w2, w3, w4, w5, w6, b1, b2, b3 = params
    data = np.array(data)
    all_y_trues = np.array(all_y_trues)
    with np.errstate(over="ignore"):
        for _ in range(epochs):
            for x, y_true in zip(data, all_y_trues):
                sum_h1 = w1 * x[0] + w2 * x[1] + b1
                h1 = np_sigmoid(sum_h1)
                sum_h2 = w3 * x[0] + w4 * x[1] + b2
                h2 = np_sigmoid(sum_h2)
                sum_o1 = w5 * h1 + w6 * h2 + b3
                o1 = np_sigmoid(sum_o1)
                d_L_d_ypred = -2 * (y_true - o1)
                d_ypred_d_h1 = w5 * np_deriv(sum_o1)
                d_ypred_d_h2 = w6 * np_deriv(sum_o1)
                w1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * (x[0] * np_deriv(sum_h1))
                w2 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * (x[1] * np_deriv(sum_h1))
                b1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * np_deriv(sum_h1)
                w3 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * (x[0] * np_deriv(sum_h2))
                w4 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * (x[1] * np_deriv(sum_h2))
                b2 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * np_deriv(sum_h2)
                w5 -= learn_rate * d_L_d_ypred * (h1 * np_deriv(sum_o1))
                w6 -= learn_rate * d_L_d_ypred * (h2 * np_deriv(sum_o1))
                b3 -= learn_rate * d_L_d_ypred * np_deriv(sum_o1)
    return [float(v) for v in (w1, w2, w3, w4, w5, w6, b1, b2, b3)]


def normalise(people, mode):
    """The inputs the network sees, as documented in the README."""
    weights = [p[1] for p in people]
    heights = [p[2] for p in people]

    def stats(values):
        total = 0.0
        for v in values:
            total += v
        mean = total / len(values)
        sq = 0.0
        for v in values:
            sq += (v - mean) * (v - mean)
        return mean, math.sqrt(sq / len(values))

    if mode == "seed":
        return [[w - 135, h - 66] for w, h in zip(weights, heights)]
    (mw, sw), (mh, sh) = stats(weights), stats(heights)
    if mode == "mean":
        return [[w - mw, h - mh] for w, h in zip(weights, heights)]
    sw = sw if sw > 0 else 1.0
    sh = sh if sh > 0 else 1.0
    return [[(w - mw) / sw, (h - mh) / sh] for w, h in zip(weights, heights)]


def random_case(rng):
    n = rng.randint(1, 9)
    people = []
    for i in range(n):
        # A mix of whole numbers, like the seeds, and arbitrary doubles.
        w = rng.choice([float(rng.randint(90, 250)), rng.uniform(80, 260)])
        h = rng.choice([float(rng.randint(55, 80)), rng.uniform(50, 82)])
        people.append((f"P{i}", w, h, rng.randint(0, 1)))
    return {
        "people": people,
        "init": [rng.gauss(0, 1.5) for _ in NAMES],
        "lr": rng.choice([0.1, rng.uniform(0.001, 1.0), 10 ** rng.uniform(-3, 0.5)]),
        "epochs": rng.choice([0, 1, 2, 10, rng.randint(1, 1500)]),
        "normalize": rng.choice(["seed", "seed", "mean", "standard"]),
    }


def run_cli(case, directory):
    path = os.path.join(directory, "people.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("name,gender,weight_lb,height_in\n")
        for name, w, h, g in case["people"]:
            f.write(f"{name},{'F' if g else 'M'},{w!r},{h!r}\n")
    args = [CLI, "train", "--json", "--data", path,
            "--init", ",".join(repr(v) for v in case["init"]),
            "--learning-rate", repr(case["lr"]), "--epochs", str(case["epochs"]),
            "--normalize", case["normalize"]]
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode not in (0, 3):
        raise RuntimeError(f"{args}: exit {done.returncode}: {done.stderr}")
    return json.loads(done.stdout)


def same_bits(a, b):
    if a is None or b is None:  # JSON null: not finite
        return (a is None or not math.isfinite(a)) and (b is None or not math.isfinite(b))
    return a == b or (math.isnan(a) and math.isnan(b))


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, good, what, detail=""):
        self.n += 1
        if good:
            print(f"ok {self.n} - {what}")
        else:
            self.failed += 1
            print(f"not ok {self.n} - {what}")
            for line in detail.splitlines():
                print(f"# {line}")

    def skip(self, what, why):
        self.n += 1
        print(f"ok {self.n} - {what} # SKIP {why}")


def check_case(tap, index, case, directory):
    out = run_cli(case, directory)
    data = normalise(case["people"], case["normalize"])
    ys = [p[3] for p in case["people"]]
    ref = Transcription(case["init"])
    ref.train(data, ys, case["lr"], case["epochs"])
    got = [out["parameters"][n] for n in NAMES]
    want = ref.params()
    finite = all(math.isfinite(v) for v in want)
    tap.ok(all(same_bits(g, w) for g, w in zip(got, want)),
           f"case {index}: bit-identical to the math.exp transcription "
           f"({len(data)} people, lr {case['lr']:.4g}, {case['epochs']} epochs, {case['normalize']})",
           f"case: {case}\ngot:  {got}\nwant: {want}")
    if np is None:
        tap.skip(f"case {index}: numpy original", "python3-numpy not installed")
    elif not finite or out["diverged"]:
        tap.skip(f"case {index}: numpy original", "the run diverged")
    else:
        orig = numpy_original(case["init"], data, ys, case["lr"], case["epochs"])
        worst = max(abs(g - o) / max(abs(o), 1e-300) for g, o in zip(got, orig))
        if worst <= 1e-9:
            tap.ok(True, f"case {index}: within 1e-9 relative of the numpy original (worst {worst:.3g})")
            return
        # A chaotic run can amplify np.exp's last bit beyond 1e-9; then the
        # numpy code with libm's exp must give our numbers exactly.
        libm = numpy_original(case["init"], data, ys, case["lr"], case["epochs"],
                              lambda x: np.float64(exp(float(x))))
        tap.ok(all(same_bits(g, w) for g, w in zip(got, libm)),
               f"case {index}: numpy original differs by {worst:.3g} only through np.exp's rounding",
               f"case: {case}\ngot:  {got}\norig: {orig}\nlibm: {libm}")


def check_seeds(tap):
    """--seed S draws the nine normals np.random.seed(S) would."""
    if np is None:
        tap.skip("seeded initial parameters match numpy", "python3-numpy not installed")
        return
    for seed in (0, 1, 42, 123456789, 4294967295):
        done = subprocess.run([CLI, "train", "--json", "--epochs", "0", "--seed", str(seed)],
                              capture_output=True, text=True, check=True)
        got = [json.loads(done.stdout)["initial"][n] for n in NAMES]
        np.random.seed(seed)
        want = [float(np.random.normal()) for _ in NAMES]
        tap.ok(got == want, f"--seed {seed} gives np.random.seed({seed})'s normals",
               f"got:  {got}\nwant: {want}")


def check_lesson(tap):
    """The seeds' own run: their four people, lr 0.1, 1000 epochs, then
    Emily and Frank classified."""
    data = [[-2, -1], [25, 6], [17, 4], [-15, -6]]
    ys = [1, 0, 0, 1]
    for seed in (1, 2, 3, 2026):
        done = subprocess.run([CLI, "train", "--json", "--seed", str(seed),
                               "--classify", "128,63", "--classify", "155,68"],
                              capture_output=True, text=True, check=True)
        out = json.loads(done.stdout)
        ref = Transcription([out["initial"][n] for n in NAMES])
        ref.train(data, ys, 0.1, 1000)
        got = [out["parameters"][n] for n in NAMES] + [c["output"] for c in out["classified"]]
        want = ref.params() + [ref.feedforward([-7, -3]), ref.feedforward([20, 2])]
        tap.ok(got == want, f"the seeds' lesson with --seed {seed}: parameters, Emily and Frank exact",
               f"got:  {got}\nwant: {want}")


def main():
    cases = int(os.environ.get("BACKPROP_REFERENCE_CASES", "40"))
    rng = random.Random(int(os.environ.get("BACKPROP_REFERENCE_SEED", "20261123")))
    tap = Tap()
    print("TAP version 13")
    with tempfile.TemporaryDirectory() as directory:
        check_seeds(tap)
        check_lesson(tap)
        for i in range(cases):
            check_case(tap, i, random_case(rng), directory)
    print(f"1..{tap.n}")
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
