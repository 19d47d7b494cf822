// Hostile input: each variable merges the previous object into itself.
var v0 = { a: 'x' }
var v1 = union(v0, { 'v0': v0 })
var v2 = union(v1, { 'v1': v1 })
var v3 = union(v2, { 'v2': v2 })
var v4 = union(v3, { 'v3': v3 })
var v5 = union(v4, { 'v4': v4 })
var v6 = union(v5, { 'v5': v5 })
var v7 = union(v6, { 'v6': v6 })
var v8 = union(v7, { 'v7': v7 })
var v9 = union(v8, { 'v8': v8 })
var v10 = union(v9, { 'v9': v9 })
var v11 = union(v10, { 'v10': v10 })
var v12 = union(v11, { 'v11': v11 })
var v13 = union(v12, { 'v12': v12 })
var v14 = union(v13, { 'v13': v13 })
var v15 = union(v14, { 'v14': v14 })
var v16 = union(v15, { 'v15': v15 })
var v17 = union(v16, { 'v16': v16 })
var v18 = union(v17, { 'v17': v17 })
var v19 = union(v18, { 'v18': v18 })
var v20 = union(v19, { 'v19': v19 })
var v21 = union(v20, { 'v20': v20 })
var v22 = union(v21, { 'v21': v21 })
var v23 = union(v22, { 'v22': v22 })
var v24 = union(v23, { 'v23': v23 })
var v25 = union(v24, { 'v24': v24 })
var v26 = union(v25, { 'v25': v25 })
var v27 = union(v26, { 'v26': v26 })
var v28 = union(v27, { 'v27': v27 })
var v29 = union(v28, { 'v28': v28 })
var v30 = union(v29, { 'v29': v29 })
var v31 = union(v30, { 'v30': v30 })
var v32 = union(v31, { 'v31': v31 })
var v33 = union(v32, { 'v32': v32 })
var v34 = union(v33, { 'v33': v33 })
var v35 = union(v34, { 'v34': v34 })
var v36 = union(v35, { 'v35': v35 })
var v37 = union(v36, { 'v36': v36 })
var v38 = union(v37, { 'v37': v37 })
var v39 = union(v38, { 'v38': v38 })
var v40 = union(v39, { 'v39': v39 })

resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hostile'
  location: 'westeurope'
  identity: {
    type: length(v40) > 3 ? 'SystemAssigned' : 'None' // expect: IDL901 "value larger than 1 MiB"
  }
}
