// IrpFlows in Azure: a Linux Consumption function app that runs the app as a custom handler,
// its storage (Functions runtime state, IRP tables, uploaded documents and the deployed package), monitoring, and a Key
// Vault for its secrets. The app reaches storage and the vault with its system-assigned managed identity: no key or
// connection string with a key is in any app setting, and the storage account refuses Shared Key altogether.
// Deploy into an existing resource group; see infra/README.md for the commands and the order of steps.

targetScope = 'resourceGroup'

@description('Azure region for every resource. Defaults to the resource group\'s region.')
param location string = resourceGroup().location

@description('Name of the function app; also the first label of its default hostname <name>.azurewebsites.net. Globally unique.')
@minLength(2)
@maxLength(60)
param functionAppName string = 'func-irpflows-${uniqueString(resourceGroup().id)}'

@description('Name of the storage account (3-24 lower-case letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param storageAccountName string = 'stirp${uniqueString(resourceGroup().id)}'

@description('Replication of the storage account that holds every IRP, its events and the establishments\' documents.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param storageSku string = 'Standard_ZRS'

@description('Name of the Key Vault that holds the app\'s secrets (3-24 letters, digits and dashes, globally unique).')
@minLength(3)
@maxLength(24)
param keyVaultName string = 'kv-irp-${uniqueString(resourceGroup().id)}'

@description('Days Log Analytics keeps the app\'s logs and requests.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('Base URL the app puts in emails (upload links, status URLs), scheme and host only, e.g. https://irp.example.gov.uk. Empty: https://<functionAppName>.azurewebsites.net. Set it when a custom domain fronts the app; it is also allowed as a CORS origin for uploads.')
param publicBaseUrl string = ''

@description('Extra browser origins (scheme and host only, no path or trailing slash) allowed to PUT documents straight into blob storage with an upload SAS (for example a custom domain). The function app\'s own origin is always allowed.')
param extraUploadOrigins string[] = []

@secure()
@minLength(32)
@description('Key coordinators send as x-functions-key. Stored only in Key Vault (secret CoordinatorApiKey); also register it as the function key "coordinator" after publishing (README step 4). Generate it at deploy time, e.g. $(openssl rand -base64 48).')
param coordinatorApiKey string

@secure()
@minLength(32)
@description('HMAC key that signs upload links. Stored only in Key Vault (secret UploadTokenSigningKey). Changing it invalidates every upload link already sent.')
param uploadTokenSigningKey string

@description('Microsoft Entra object id or user principal name of the mailbox IRP emails are sent from (Graph users/{id}/sendMail).')
@minLength(1)
param graphSenderUserId string

@description('Microsoft Entra tenant of the sender mailbox. Defaults to the tenant of this deployment.')
param graphTenantId string = tenant().tenantId

@description('Client id of the identity that calls Graph. Empty (the default): the function app\'s system-assigned managed identity, which needs no client id and no secret.')
param graphClientId string = ''

@description('Display name on IRP emails.')
param mailSenderName string = 'HM Inspectorate of Prisons (IRP coordination)'

@description('From address on IRP emails; the mailbox of graphSenderUserId.')
@minLength(3)
param mailSenderAddress string

@description('Path (inside the deployed package) of a bank-holidays file that replaces the built-in England-and-Wales list. Empty: the built-in list.')
param bankHolidaysFile string = ''

@description('Object id of the user or service principal that uploads the app\'s package (README step 3): it gets Storage Blob Data Contributor on the package container only. Empty: grant that role yourself.')
param packageUploaderPrincipalId string = ''

@description('Workflow and policy app settings (values are strings), named as in local.settings.sample.json. One left out takes the app\'s default, the guide\'s value; any other Workflow__ or Policy__ setting may be added.')
type tuning = {
  *: string
  Workflow__MaxStepAttempts: string?
  Workflow__StepLease: string?
  Policy__DocumentsDeadlineWorkingDaysBeforeVisit: string?
  Policy__DraftReportWorkingDaysAfterVisit: string?
  Policy__PublicationWorkingDaysAfterVisit: string?
  Policy__FactCheckWorkingDays: string?
}

@description('Workflow and policy settings. The defaults equal local.settings.sample.json; override a value here rather than in the portal so a redeployment keeps it.')
param tuningSettings tuning = {
  Workflow__MaxStepAttempts: '5'
  Workflow__StepLease: '00:05:00'
  Policy__DocumentsDeadlineWorkingDaysBeforeVisit: '5'
  Policy__DraftReportWorkingDaysAfterVisit: '10'
  Policy__PublicationWorkingDaysAfterVisit: '25'
  Policy__FactCheckWorkingDays: '10'
}

// The default hostname is known before the app exists, so storage CORS does not have to wait for the app.
var functionAppHostName = '${functionAppName}.azurewebsites.net'
var effectivePublicBaseUrl = empty(publicBaseUrl) ? 'https://${functionAppHostName}' : publicBaseUrl
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

// What the app's identity may do in its storage account (built-in roles, by id).
var appStorageRoles = [
  {
    name: 'Storage Blob Data Owner'
    id: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
    why: 'Functions host state (timer locks, keys), the app\'s documents and outbox, the package, and user-delegation keys for upload SAS URLs'
  }
  {
    name: 'Storage Table Data Contributor'
    id: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
    why: 'the IRP tables (event logs, schedule, uploads, outbox index)'
  }
  {
    name: 'Storage Queue Data Contributor'
    id: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
    why: 'the Functions host\'s queues (and Durable Functions\' task hub queues once the app moves to the isolated worker)'
  }
]

// The deployed package: one blob, always under the same name, that WEBSITE_RUN_FROM_PACKAGE points at (see appSettings).
var packageContainerName = 'app-package'
var packageBlobName = 'irpflows.zip'
// Names derived from the app's: it may have 60 characters, a Log Analytics workspace 63 and a plan 60, so they are cut to fit.
var logAnalyticsName = take('log-${functionAppName}', 63)
var planName = take('plan-${functionAppName}', 60)

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Nothing uses the account key: the host, the app and the package download authenticate with the app's identity,
    // upload links are user-delegation SAS (signed with a key the identity obtains), and people use Microsoft Entra ID.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    accessTier: 'Hot'
  }
}

// The upload page PUTs each file straight to blob storage with a create-only user-delegation SAS; the browser's preflight
// needs these rules. Only this deployment sets them in Azure: Documents__ConfigureBlobCors=false (below) stops the app
// from replacing them with its own local (Azurite) rule at start-up.
resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' = {
  parent: storage
  name: 'default'
  properties: {
    cors: {
      corsRules: [
        {
          allowedOrigins: union([ 'https://${functionAppHostName}' ], empty(publicBaseUrl) ? [] : [ publicBaseUrl ], extraUploadOrigins)
          allowedMethods: [
            'PUT'
            'OPTIONS'
          ]
          allowedHeaders: [
            'x-ms-blob-type'
            'content-type'
            'x-ms-*'
          ]
          exposedHeaders: [
            'x-ms-*'
          ]
          maxAgeInSeconds: 3600
        }
      ]
    }
  }
}

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = {
  parent: blobService
  name: packageContainerName
  properties: {
    publicAccess: 'None'
  }
}

var packageUrl = '${storage.properties.primaryEndpoints.blob}${packageContainer.name}/${packageBlobName}'

// Whoever publishes the app writes the package with Microsoft Entra ID (Shared Key is off), and may write nothing else.
resource uploaderWritesPackage 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(packageUploaderPrincipalId)) {
  name: guid(packageContainer.id, packageUploaderPrincipalId, storageBlobDataContributorRoleId)
  scope: packageContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributorRoleId)
    principalId: packageUploaderPrincipalId
    description: 'Uploads the IrpFlows package (infra/README.md step 3)'
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: logAnalyticsName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${functionAppName}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

// Linux Consumption (Y1): pay per execution, supports custom handlers and the app settings below; see README for why not Flex.
resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  kind: 'functionapp'
  sku: {
    name: 'Y1'
    tier: 'Dynamic'
  }
  properties: {
    reserved: true // Linux
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: functionAppName
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    reserved: true
    httpsOnly: true
    siteConfig: {
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
    }
  }
}

// No user name and password can publish or reach the SCM (Kudu) site: the package is published to blob storage with
// Microsoft Entra ID (README step 3), and the portal and the CLI use Entra ID too.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// The app's identity reaches its storage account with these roles (AzureWebJobsStorage__* settings below).
resource appUsesStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in appStorageRoles: {
    name: guid(storage.id, functionApp.id, role.id)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.id)
      principalId: functionApp.identity.principalId
      principalType: 'ServicePrincipal'
      description: '${role.name}: ${role.why}'
    }
  }
]

resource keyVault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource coordinatorApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: keyVault
  name: 'CoordinatorApiKey'
  properties: {
    value: coordinatorApiKey
  }
}

resource uploadTokenSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: keyVault
  name: 'UploadTokenSigningKey'
  properties: {
    value: uploadTokenSigningKey
  }
}

resource graphSenderUserIdSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: keyVault
  name: 'Graph-SenderUserId'
  properties: {
    value: graphSenderUserId
  }
}

resource graphTenantIdSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: keyVault
  name: 'Graph-TenantId'
  properties: {
    value: graphTenantId
  }
}

// Only for a user-assigned or app-registration identity; the default system-assigned identity needs no client id.
resource graphClientIdSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (!empty(graphClientId)) {
  parent: keyVault
  name: 'Graph-ClientId'
  properties: {
    value: graphClientId
  }
}

// The app's identity reads secrets (and nothing else) to resolve the Key Vault references below.
resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, functionApp.id, keyVaultSecretsUserRoleId)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

var baseSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'custom'
  // An identity-based connection, for the Functions host and the app alike: each service's endpoint and the app's
  // system-assigned identity (so no __clientId), with the roles of appUsesStorage. No AzureWebJobsStorage setting and no key.
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
  AzureWebJobsStorage__credential: 'managedidentity'
  // Linux Consumption runs only from a package URL, and has no content file share (WEBSITE_CONTENTAZUREFILECONNECTIONSTRING
  // is for Windows Consumption and Premium), so nothing here needs a key. The platform fetches the package with the app's
  // identity (Storage Blob Data Owner covers reading it). Declared with the same value on every deployment, so a
  // redeployment, which replaces every app setting, never wipes it: a new version of the app is a new blob under the same
  // name, followed by a restart (README step 3). Not `config-zip`: it needs a connection string with a key, and would
  // set this to a key-signed SAS URL that this template would then drop.
  WEBSITE_RUN_FROM_PACKAGE: packageUrl
  WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID: 'SystemAssigned'
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  CoordinatorApiKey: '@Microsoft.KeyVault(SecretUri=${coordinatorApiKeySecret.properties.secretUri})'
  UploadTokenSigningKey: '@Microsoft.KeyVault(SecretUri=${uploadTokenSigningKeySecret.properties.secretUri})'
  Graph__SenderUserId: '@Microsoft.KeyVault(SecretUri=${graphSenderUserIdSecret.properties.secretUri})'
  Graph__TenantId: '@Microsoft.KeyVault(SecretUri=${graphTenantIdSecret.properties.secretUri})'
  Mail__SenderName: mailSenderName
  Mail__SenderAddress: mailSenderAddress
  PublicBaseUrl: effectivePublicBaseUrl
  // Never in Azure: the clock control and /api/dev exist for local runs and tests only.
  DevClockEnabled: 'false'
  // The DispatchTimer function (TimerTrigger, every minute) calls POST /DispatchTimer; the in-process timer would duplicate it
  // on every scaled-out instance.
  Dispatcher__TimerEnabled: 'false'
  // The blob service's CORS rules are this deployment's (blobService above); the app sets its own only on Azurite.
  Documents__ConfigureBlobCors: 'false'
}

// Built from the vault URI (ends in '/') rather than from the conditional secret, so nothing reads a resource that may not exist.
var graphClientIdSetting = empty(graphClientId) ? {} : {
  Graph__ClientId: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/Graph-ClientId)'
}

var bankHolidaysSetting = empty(bankHolidaysFile) ? {} : {
  BankHolidaysFile: bankHolidaysFile
}

// A separate resource so the settings are written (and the app restarted) only once the identity can read the vault and
// reach storage. It replaces every app setting: one set anywhere else (the portal, a deployment tool) is gone after the
// next deployment, which is why WEBSITE_RUN_FROM_PACKAGE is declared above rather than left to a tool.
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(baseSettings, graphClientIdSetting, bankHolidaysSetting, tuningSettings)
  dependsOn: [
    appReadsSecrets
    appUsesStorage
    graphClientIdSecret
  ]
}

@description('Default hostname of the function app; the API is at https://<hostname>/api/…')
output functionAppHostName string = functionApp.properties.defaultHostName

@description('Name of the function app, for az functionapp commands.')
output functionAppName string = functionApp.name

@description('Name of the storage account: host state, IRP tables, documents and the package.')
output storageAccountName string = storage.name

@description('URL of the blob the app runs from: upload each new package here (README step 3).')
output packageUrl string = packageUrl

@description('Name of the Key Vault holding the app\'s secrets.')
output keyVaultName string = keyVault.name

@description('Object id of the app\'s system-assigned identity: grant it Graph Mail.Send (README).')
output functionAppPrincipalId string = functionApp.identity.principalId
