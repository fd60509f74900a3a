#!/usr/bin/env python3
"""Training speed of CXR Studio's mobilenetv2 in PyTorch eager mode, for comparison with
`cxr-studio bench-train --arch mobilenetv2` (DJL on the same libtorch kind of kernels).

The network is built the way core/training/nn builds it: 1-channel stem (the RGB stem summed),
TensorFlow SAME padding applied explicitly, depthwise 3x3 convolutions, ReLU6, inverted residual
blocks, a per-channel trained scale and shift after every convolution instead of batch norm, a
1x1 CAM head and LSE-LBA pooling (r = 1 + exp(beta)). Random inputs; one step = forward, BCE
loss, backward, AdamW. Prints images per second over the measured steps.

    python3 scripts/torch-mobilenetv2-speed.py [--size 224] [--batch 32] [--seconds 60]
(Debian: apt-get install python3-torch)
"""
import argparse
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

CHANNELS = [16, 24, 32, 64, 96, 160, 320]
BLOCKS = [1, 2, 3, 4, 3, 3, 1]
STRIDES = [1, 2, 2, 2, 1, 2, 1]
EXPANSIONS = [1, 6, 6, 6, 6, 6, 6]


class SameConv(nn.Module):
    def __init__(self, cin, cout, k, stride, groups, relu6):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, k, stride, 0, groups=groups, bias=False)
        nn.init.kaiming_normal_(self.conv.weight, nonlinearity="relu")
        self.scale = nn.Parameter(torch.ones(cout))
        self.shift = nn.Parameter(torch.zeros(cout))
        self.k, self.stride, self.relu6 = k, stride, relu6

    def pads(self, n):
        out = (n + self.stride - 1) // self.stride
        total = max((out - 1) * self.stride + self.k - n, 0)
        return total // 2, total - total // 2

    def forward(self, x):
        ph, pw = self.pads(x.shape[2]), self.pads(x.shape[3])
        if sum(ph) + sum(pw):
            x = F.pad(x, (pw[0], pw[1], ph[0], ph[1]))
        y = self.conv(x) * self.scale.view(1, -1, 1, 1) + self.shift.view(1, -1, 1, 1)
        return y.clamp(0, 6) if self.relu6 else y


class InvertedResidual(nn.Module):
    def __init__(self, cin, cout, stride, t):
        super().__init__()
        hidden = cin * t
        units = [] if t == 1 else [SameConv(cin, hidden, 1, 1, 1, True)]
        units += [SameConv(hidden, hidden, 3, stride, hidden, True), SameConv(hidden, cout, 1, 1, 1, False)]
        self.units = nn.Sequential(*units)
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        y = self.units(x)
        return x + y if self.residual else y


class TbMobileNetV2(nn.Module):
    def __init__(self):
        super().__init__()
        layers = [SameConv(1, 32, 3, 2, 1, True)]
        cin = 32
        for c, n, s, t in zip(CHANNELS, BLOCKS, STRIDES, EXPANSIONS):
            for b in range(n):
                layers.append(InvertedResidual(cin, c, s if b == 0 else 1, t))
                cin = c
        layers.append(SameConv(cin, 1280, 1, 1, 1, True))
        self.features = nn.Sequential(*layers)
        self.head = nn.Conv2d(1280, 1, 1)
        self.beta = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        cam = self.head(self.features(x))
        r = 1 + self.beta.exp()
        flat = cam.flatten(2)
        m = flat.amax(2, keepdim=True)
        lse = ((flat - m) * r.view(1, -1, 1)).exp().mean(2, keepdim=True).log() / r.view(1, -1, 1) + m
        return lse.flatten(1), cam


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=224)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    net = TbMobileNetV2()
    opt = torch.optim.AdamW(net.parameters(), lr=1e-4, weight_decay=1e-4)
    x = torch.randn(a.batch, 1, a.size, a.size)
    y = (torch.arange(a.batch) % 2).float().view(-1, 1)
    params = sum(p.numel() for p in net.parameters())

    def step():
        opt.zero_grad()
        logits, _ = net(x)
        F.binary_cross_entropy_with_logits(logits, y).backward()
        opt.step()

    for _ in range(2):
        step()
    t0, steps = time.time(), 0
    while time.time() - t0 < a.seconds or steps < 3:
        step()
        steps += 1
    secs = time.time() - t0
    print(f"torch {torch.__version__} eager, {a.threads} threads: mobilenetv2 {a.size} px batch {a.batch}, "
          f"{params} parameters, {steps} steps in {secs:.1f} s = {steps * a.batch / secs:.2f} img/s")


if __name__ == "__main__":
    main()
