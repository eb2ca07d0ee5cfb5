<#
.SYNOPSIS
    Build the DermAssist Windows bundle (PyInstaller) and its installer (NSIS) on a Windows machine.

.DESCRIPTION
    PyInstaller cannot cross-compile, so the Windows bundle is built on Windows 10/11 x64 with:
      * Python 3.11 x64 from python.org (the "py" launcher, or -Python C:\Path\python.exe);
      * NSIS 3.x (https://nsis.sourceforge.io; makensis.exe on PATH or in its default folder);
      * this source tree with the trained model in models\ (an .onnx file and its .json card).
    Steps: a fresh virtual environment in build\venv-win, the pinned packages from
    requirements-windows.txt (and the GPU variant if asked), the project itself without
    dependencies, PyInstaller with installer\dermassist.spec, the bundle's own self-test, then
    makensis. The result is build\dist\DermAssist-<version>-setup.exe (its SHA-256 is printed).

.PARAMETER Gpu
    none (default): CPU onnxruntime. directml: onnxruntime-directml (any DirectX 12 GPU).
    cuda: onnxruntime-gpu (NVIDIA; the workstation needs CUDA 12 and cuDNN 9).

.PARAMETER Python
    The Python 3.11 x64 interpreter that creates the virtual environment (default: py -3.11).

.PARAMETER SkipSelfTest
    Do not run "dermassist-cli.exe --self-test" on the bundle before packaging it.

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File installer\windows\build_windows.ps1
.EXAMPLE
    powershell -ExecutionPolicy Bypass -File installer\windows\build_windows.ps1 -Gpu directml
#>
param(
    [ValidateSet("none", "directml", "cuda")] [string] $Gpu = "none",
    [string] $Python = "",
    [switch] $SkipSelfTest
)
$ErrorActionPreference = "Stop"
$root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $root

function Invoke-Checked([string] $What, [scriptblock] $Command) {
    Write-Host "== $What"
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

if (-not (Get-ChildItem -Path "models" -Filter "*.onnx" -ErrorAction SilentlyContinue)) {
    Write-Warning "models\ holds no .onnx model: the bundle would have no model and its self-test fails"
}
$makensis = (Get-Command makensis.exe -ErrorAction SilentlyContinue).Source
if (-not $makensis) {
    $makensis = @("${env:ProgramFiles(x86)}\NSIS\makensis.exe", "$env:ProgramFiles\NSIS\makensis.exe") |
        Where-Object { Test-Path $_ } | Select-Object -First 1
}
if (-not $makensis) { throw "makensis.exe not found: install NSIS 3 from https://nsis.sourceforge.io" }

$venv = Join-Path $root "build\venv-win"
$py = Join-Path $venv "Scripts\python.exe"
$started = Get-Date
if (Test-Path $venv) { Remove-Item -Recurse -Force $venv }
if ($Python) {
    Invoke-Checked "create the virtual environment" { & $Python -m venv $venv }
} else {
    Invoke-Checked "create the virtual environment" { py -3.11 -m venv $venv }
}
Invoke-Checked "check the interpreter" {
    & $py -c "import struct, sys; assert sys.version_info[:2] == (3, 11) and struct.calcsize('P') == 8, sys.version"
}
Invoke-Checked "upgrade pip" { & $py -m pip install --quiet --upgrade pip }
Invoke-Checked "install pinned packages" {
    & $py -m pip install --quiet --only-binary=:all: -r installer\windows\requirements-windows.txt
}
if ($Gpu -ne "none") {
    # Both wheels provide the "onnxruntime" module: remove the CPU build before the GPU one.
    Invoke-Checked "remove the CPU onnxruntime" { & $py -m pip uninstall --quiet --yes onnxruntime }
    Invoke-Checked "install the $Gpu onnxruntime" {
        & $py -m pip install --quiet --only-binary=:all: -r "installer\windows\requirements-gpu-$Gpu.txt"
    }
}
Invoke-Checked "install DermAssist" { & $py -m pip install --quiet --no-deps --no-build-isolation . }
Invoke-Checked "PyInstaller" {
    & $py -m PyInstaller --noconfirm --log-level WARN --distpath build\dist --workpath build\pyinstaller `
        installer\dermassist.spec
}
$bundle = Join-Path $root "build\dist\dermassist"
$sizeMb = [math]::Round((Get-ChildItem $bundle -Recurse | Measure-Object Length -Sum).Sum / 1MB)
Write-Host "bundle: $bundle, $sizeMb MB"
if (-not $SkipSelfTest) {
    Invoke-Checked "bundle self-test" { & (Join-Path $bundle "dermassist-cli.exe") --self-test }
}
$version = (& $py -c "import dermassist; print(dermassist.__version__)").Trim()
Invoke-Checked "makensis" {
    & $makensis /V2 "/DVERSION=$version" "/DBUNDLE_DIR=$bundle" "/DOUTDIR=$(Join-Path $root 'build\dist')" `
        installer\windows\dermassist.nsi
}
$setup = Join-Path $root "build\dist\DermAssist-$version-setup.exe"
$hash = (Get-FileHash -Algorithm SHA256 $setup).Hash.ToLower()
$minutes = [math]::Round(((Get-Date) - $started).TotalMinutes, 1)
Write-Host "installer: $setup ($([math]::Round((Get-Item $setup).Length / 1MB)) MB, sha256 $hash), $minutes min"
