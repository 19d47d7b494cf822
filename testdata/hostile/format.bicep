// Hostile input: each variable doubles a string with format().
var v0 = 'abcdefgh'
var v1 = format('{0}{0}', v0)
var v2 = format('{0}{0}', v1)
var v3 = format('{0}{0}', v2)
var v4 = format('{0}{0}', v3)
var v5 = format('{0}{0}', v4)
var v6 = format('{0}{0}', v5)
var v7 = format('{0}{0}', v6)
var v8 = format('{0}{0}', v7)
var v9 = format('{0}{0}', v8)
var v10 = format('{0}{0}', v9)
var v11 = format('{0}{0}', v10)
var v12 = format('{0}{0}', v11)
var v13 = format('{0}{0}', v12)
var v14 = format('{0}{0}', v13)
var v15 = format('{0}{0}', v14)
var v16 = format('{0}{0}', v15)
var v17 = format('{0}{0}', v16)
var v18 = format('{0}{0}', v17)
var v19 = format('{0}{0}', v18)
var v20 = format('{0}{0}', v19)
var v21 = format('{0}{0}', v20)
var v22 = format('{0}{0}', v21)
var v23 = format('{0}{0}', v22)
var v24 = format('{0}{0}', v23)
var v25 = format('{0}{0}', v24)
var v26 = format('{0}{0}', v25)
var v27 = format('{0}{0}', v26)
var v28 = format('{0}{0}', v27)
var v29 = format('{0}{0}', v28)
var v30 = format('{0}{0}', v29)
var v31 = format('{0}{0}', v30)
var v32 = format('{0}{0}', v31)
var v33 = format('{0}{0}', v32)
var v34 = format('{0}{0}', v33)
var v35 = format('{0}{0}', v34)
var v36 = format('{0}{0}', v35)
var v37 = format('{0}{0}', v36)
var v38 = format('{0}{0}', v37)
var v39 = format('{0}{0}', v38)
var v40 = format('{0}{0}', v39)

resource pg 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'pg-hostile'
  location: 'westeurope'
  identity: {
    type: length(v40) > 3 ? 'SystemAssigned' : 'None' // expect: IDL901 "value larger than 1 MiB"
  }
}
