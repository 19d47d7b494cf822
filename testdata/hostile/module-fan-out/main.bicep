// Hostile input: module loops of 64 calling module loops of 64 calling resource loops of 64, eight
// bool parameters each (256 bindings): 262,144 servers under 256 bindings if all were expanded.
param b0 bool
param b1 bool
param b2 bool
param b3 bool
param b4 bool
param b5 bool
param b6 bool
param b7 bool

module mids './mid.bicep' = [for i in range(0, 64): {
  name: 'mid-${i}'
  params: {
    flags: [b0, b1, b2, b3, b4, b5, b6, b7]
  }
}]
