{
  "name": "{{name}}",
  "projectType": "application",
  "sourceRoot": "services/{{name}}/src",
  "tags": ["type:service", "scope:{{name}}"],
  "targets": {
    "build": {}
  }
}
