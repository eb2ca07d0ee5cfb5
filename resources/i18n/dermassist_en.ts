<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>BodyMapWidget</name>
    <message>
      <location filename="../../dermassist/ui/bodymap_widget.py" line="29" />
      <source>Click on the body to mark where the lesion is.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>CameraDialog</name>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="43" />
      <source>Capture from camera</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="50" />
      <source>Camera:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="54" />
      <source>Refresh</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="72" />
      <source>Capture</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="75" />
      <source>Cancel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="96" />
      <source>Camera support is not available on this computer ({error}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="110" />
      <source>No camera was found. Connect the dermatoscope or a USB camera, wait a few seconds and press Refresh. You can also open a picture file or paste one from the clipboard.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="141" />
      <source>Still resolution: {w} × {h}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="151" />
      <source>Camera error: </source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="154" />
      <source>Capture failed: </source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/camera_dialog.py" line="163" />
      <source>Capturing…</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ChecklistWidget</name>
    <message>
      <location filename="../../dermassist/ui/checklist_widget.py" line="25" />
      <source>No checklist</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ExaminationView</name>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="76" />
      <source>Details</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="77" />
      <source>Lesion site</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="82" />
      <source>Dermoscopy checklist</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="117" />
      <source>History, size, change noticed by the patient, your impression…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="118" />
      <source>Date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="119" />
      <source>Referring doctor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="120" />
      <source>Urgency</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="121" />
      <source>Notes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="138" />
      <source>Follow-up of this lesion</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="139" />
      <source>Start a new examination of the same lesion today</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="140" />
      <source>Compare over time…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="152" />
      <source>Save</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="154" />
      <source>Referral PDF…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="155" />
      <location filename="../../dermassist/ui/exam_view.py" line="384" />
      <source>Send to center</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="166" />
      <source>Referral letters are not available in this build ({why}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="171" />
      <source>Sending to the center is not available in this build ({why}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="200" />
      <source>Examination of {date}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="202" />
      <source>Select or create an examination.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="213" />
      <source>Site: {label}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="213" />
      <source>Site: not marked yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="263" />
      <source>This examination was changed elsewhere; your edits were not saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="272" />
      <source>Examination saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="298" />
      <source>The model is still loading.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="307" />
      <source>This result comes from a different model than the one now loaded; press Analyse to repeat it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="312" />
      <source>No model can be used, so no analysis is possible:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="314" />
      <source>Add an image to this examination, then press Analyse.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="316" />
      <source>The model is loading…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="318" />
      <source>This picture has not been analysed yet. Press Analyse.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="330" />
      <source>Analysing…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="334" />
      <source>Reading the picture…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="334" />
      <source>Running the model…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="345" />
      <source>The result could not be stored: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="347" />
      <source>Analysis finished in {s} s.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="357" />
      <source>The analysis failed: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="376" />
      <source>Referral PDF</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="386" />
      <source>The examination is queued for sending; see the Outbox tab.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ImageViewer</name>
    <message>
      <location filename="../../dermassist/ui/image_viewer.py" line="39" />
      <source>Wheel: zoom. Drag: move. Double-click: fit to window.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ImagesPane</name>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="59" />
      <source>No picture yet. Open a file, drop one here, paste (Ctrl+V) or use the camera.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="73" />
      <source>Open file…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="75" />
      <source>Paste</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="76" />
      <source>Camera…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="152" />
      <location filename="../../dermassist/ui/images_pane.py" line="165" />
      <source>Not added: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="154" />
      <source>Could not save the picture: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="179" />
      <source>Open dermoscopy images</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="179" />
      <source>Images ({patterns})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="191" />
      <source>pasted image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="193" />
      <source>The clipboard holds no picture.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="201" />
      <source>camera capture</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/images_pane.py" line="214" />
      <source>dropped image</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>LesionHistoryDialog</name>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="29" />
      <source>Lesion over time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="33" />
      <source>{n} examinations of this lesion</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="54" />
      <source>no picture</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="60" />
      <source>not analysed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="64" />
      <source>Malignant: {p}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="65" />
      <source>above threshold</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/lesion_history.py" line="72" />
      <source>Change: {d} percentage points</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../dermassist/ui/app.py" line="53" />
      <source>DermAssist cannot open its records:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/app.py" line="57" />
      <source>Ready in {s} s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="30" />
      <source>DermAssist {version}: dermoscopy decision support</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="49" />
      <source>Patients</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="55" />
      <source>Outbox</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="69" />
      <source>Model: not loaded yet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="73" />
      <source>&amp;File</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="74" />
      <source>&amp;New patient…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="76" />
      <source>&amp;Settings…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="79" />
      <source>&amp;Quit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="85" />
      <source>&amp;Help</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="86" />
      <source>&amp;About DermAssist</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="95" />
      <source>Model: loading…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="102" />
      <source>Model: {name} {version} (sha256 {sha}) on {provider}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="108" />
      <location filename="../../dermassist/ui/main_window.py" line="156" />
      <source>Model: none</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="111" />
      <source>Analysis is unavailable: no usable model.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="114" />
      <source>You can still record patients and pictures. To get a model, ask your administrator for the DermAssist model package, or import one with 'dermassist import-model MODEL.onnx', then restart. Details:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="145" />
      <source>Language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="145" />
      <source>The new language will be used the next time DermAssist starts.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="152" />
      <source>Model: {name} {version}, sha256 {sha}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="160" />
      <source>About DermAssist</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/main_window.py" line="163" />
      <source>Records: {path} (schema version {v})</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PatientDialog</name>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="35" />
      <source>New patient</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="35" />
      <source>Edit patient</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="39" />
      <source>Surname, first name, patronymic</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="45" />
      <source>not given</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="55" />
      <source>The center calls this number to book the visit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="56" />
      <source>Full name *</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="57" />
      <source>Date of birth</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="58" />
      <source>Sex</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="59" />
      <source>Medical record / insurance no.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="60" />
      <source>Phone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="97" />
      <source>Please enter the patient's full name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="103" />
      <source>This patient was changed elsewhere meanwhile. Close and open it again.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PatientListPanel</name>
    <message>
      <location filename="../../dermassist/ui/patient_list.py" line="25" />
      <source>Search: name, record no., phone, birth year</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_list.py" line="33" />
      <source>New patient…</source>
      <translation type="unfinished" />
    </message>
    <message numerus="yes">
      <location filename="../../dermassist/ui/patient_list.py" line="57" />
      <source>%n patient(s)</source>
      <translation>
        <numerusform>%n patient</numerusform>
        <numerusform>%n patients</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PatientView</name>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="44" />
      <source>Edit patient…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="52" />
      <source>Examinations</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="56" />
      <source>New examination</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="81" />
      <source>Select a patient on the left, or create a new one.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="86" />
      <source>born {date} ({age} y)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="88" />
      <source>record no. {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="90" />
      <source>phone {phone}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="127" />
      <source>not analysed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="127" />
      <source>no picture</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="130" />
      <source>malignant {p}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_view.py" line="153" />
      <source>New examination created.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ResultPanel</name>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="47" />
      <source>Analysis</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="50" />
      <source>Analyse</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="52" />
      <source>Estimate the probability of malignancy for the selected image</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="80" />
      <source>Malignant</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="81" />
      <source>Benign</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="115" />
      <source>Add an image to this examination, then press Analyse.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="148" />
      <source>Suspicious: refer the patient to the specialist center.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="151" />
      <source>The estimated probability of malignancy ({p}) is at or above the model's referral threshold ({t}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="158" />
      <source>Below the referral threshold.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="161" />
      <source>The estimated probability of malignancy ({p}) is below the model's referral threshold ({t}). This does not rule out melanoma: refer anyway if the lesion looks suspicious to you, has changed, or the patient is worried.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="172" />
      <source>from the model card</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="174" />
      <source>operating point {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="176" />
      <source>Referral threshold: {t} ({source}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="179" />
      <source>Analysed despite these warnings:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="179" />
      <source>Warnings:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="182" />
      <source>Model: {name} {version} (sha256 {sha}), {provider}; analysed {when}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="198" />
      <source>Test-set performance of this model: not available.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="206" />
      <source>95% CI</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="208" />
      <source>not available</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/result_panel.py" line="210" />
      <source>Tested on {n} images: sensitivity {sens}, specificity {spec}, ROC AUC {auc}.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="34" />
      <source>Settings</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="40" />
      <source>Clinic and doctor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="41" />
      <source>Model</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="47" />
      <location filename="../../dermassist/ui/settings_dialog.py" line="53" />
      <source>Transfer to center</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="51" />
      <source>Transfer settings are not available in this build ({why}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="74" />
      <source>As the system (automatic)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="78" />
      <source>Clinic name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="79" />
      <source>Clinic address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="80" />
      <source>Doctor's name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="81" />
      <source>Specialist center</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="82" />
      <source>Center's contact (phone, address)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="83" />
      <source>Language</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="91" />
      <source>default installed model</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="92" />
      <source>Choose…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="96" />
      <source>Model file (.onnx)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="99" />
      <source>Automatic (GPU if available, else CPU)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="100" />
      <source>CPU</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="101" />
      <source>NVIDIA GPU (CUDA)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="102" />
      <source>GPU through DirectML (Windows)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="107" />
      <source>Run the model on</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="109" />
      <source>The model card's threshold</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="116" />
      <source>{key} (sensitivity {s} on validation)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="122" />
      <source>Referral threshold</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="124" />
      <source>Loaded model: {name} {version} (sha256 {sha}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="128" />
      <source>No model is loaded.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="135" />
      <source>Choose a model</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/settings_dialog.py" line="135" />
      <source>ONNX models (*.onnx)</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Sex</name>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="20" />
      <source>female</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="21" />
      <source>male</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="22" />
      <source>other</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/patient_dialog.py" line="23" />
      <source>not stated</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Urgency</name>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="38" />
      <source>routine</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="39" />
      <source>soon (within 2 weeks)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../dermassist/ui/exam_view.py" line="40" />
      <source>urgent</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>