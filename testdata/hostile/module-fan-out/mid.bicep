param flags array

module leaves './leaf.bicep' = [for j in range(0, 64): {
  name: 'leaf-${j}'
  params: {
    flags: flags
  }
}]
