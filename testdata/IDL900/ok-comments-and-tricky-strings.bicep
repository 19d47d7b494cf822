// Deployed by the platform team. Comments, escapes and interpolation that only look like mistakes.
/* Parameters
   ---------- */
param location string = resourceGroup().location // region
param note string = '[not an expression] /* not a comment */ // nor this'

@description('It\'s a \'quoted\' word, a tab\there, a backslash \\, \${not interpolated} and \u{1F600}.')
param greeting string = 'say "hi" \\'

param startupScript string = '''
#!/bin/sh
echo 'single quotes, ${not interpolated}, \n not an escape'
// not a comment, /* nor this */
'''

var suffix = toLower('${location}-${'nested-${'interpolation'}'}')
var braces = '{ not an object } [ nor an array ] \'}\''

resource notesApp 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-notes-${suffix}'
  location: location
  identity: { /* inline block comment */
    type: 'SystemAssigned'
  }
  tags: {
    docs: 'https://contoso.example/wiki/app-notes'
    'display name': 'Notes ${greeting} ${length(braces)}'
    note: note
  }
  properties: {
    serverFarmId: resourceId('Microsoft.Web/serverfarms', 'asp-notes-weu')
    siteConfig: {
      appCommandLine: startupScript
    }
  }
}
// end of file
